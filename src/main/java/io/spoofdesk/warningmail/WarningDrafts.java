package io.spoofdesk.warningmail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Permissions;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.incident.ReferenceTag;
import io.spoofdesk.partner.FreeMailDomains;
import io.spoofdesk.partner.PartnerCommand;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.partner.PartnerView;
import io.spoofdesk.settings.CompanyIdentity;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.InvalidRequestException;
import io.spoofdesk.shared.Texts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.MapBindingResult;

/**
 * Making warning mail: one draft per partner (or per unknown domain, or per private
 * address: {@link DraftGroups}) from an address list and a template with the incident's
 * values filled in ({@link WarningTexts}), and registering an unknown domain as a
 * partner. What happens to a draft afterwards is {@link DraftWorkflow}'s and
 * {@link BatchReview}'s; reading is {@link WarningQueries}'; a draft as a message is
 * {@link DraftMail}.
 */
@Service
public class WarningDrafts {

	private final JdbcClient jdbc;

	private final MailTemplates templates;

	private final Incidents incidents;

	private final PartnerDirectory partners;

	private final CompanyIdentityService identities;

	private final WarningQueries queries;

	private final WarningTexts texts;

	private final AuditLog auditLog;

	private final Clock clock;

	private final FreeMailDomains freeMail;

	private final Set<String> otherSenders;

	WarningDrafts(JdbcClient jdbc, MailTemplates templates, Incidents incidents, PartnerDirectory partners,
			WarningTexts texts, CompanyIdentityService identities, WarningQueries queries, AuditLog auditLog,
			Clock clock, FreeMailDomains freeMail,
			@Value("${spoofdesk.warning-mail.senders:}") List<String> otherSenders) {
		this.freeMail = freeMail;
		this.otherSenders = otherSenders.stream()
			.map(sender -> sender.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		this.jdbc = jdbc;
		this.templates = templates;
		this.incidents = incidents;
		this.partners = partners;
		this.texts = texts;
		this.identities = identities;
		this.queries = queries;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** What the helpdesk fills in to generate a batch. */
	public record Generation(String language, String addressList, String fromAddress, String fromName,
			String contactPerson, String contactPhone, String contactEmail, List<Long> partnerIds,
			Boolean includeAlreadyWarned, Purpose purpose) {

		public Generation {
			partnerIds = (partnerIds != null) ? List.copyOf(partnerIds) : List.of();
			includeAlreadyWarned = Boolean.TRUE.equals(includeAlreadyWarned);
			purpose = (purpose != null) ? purpose : Purpose.PARTNER_WARNING;
		}

	}

	/**
	 * Renders one draft per partner found among the addresses (its addresses in To and
	 * Cc) and one per unknown domain, from the warning template in the chosen language.
	 */
	@Transactional
	public BatchView generate(long incidentId, Generation generation) {
		Permissions.check(Permission.DRAFT_WARNINGS);
		IncidentView incident = this.incidents.get(incidentId);
		CompanyIdentity company = this.identities.current();
		String language = "en".equals(generation.language()) ? "en" : "ja";
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "generation");
		String from = (generation.fromAddress() != null) ? generation.fromAddress().strip() : "";
		if (!RecipientList.isSingleAddress(from.toLowerCase(Locale.ROOT))) {
			errors.rejectValue("fromAddress", "warning.from.invalid");
		}
		else if (!company.isOurDomain(from.substring(from.lastIndexOf('@') + 1))
				&& !this.otherSenders.contains(from.toLowerCase(Locale.ROOT))) {
			// a warning in our name comes from our domain, never from an address someone
			// typed
			errors.rejectValue("fromAddress", "warning.from.notOurs");
		}
		Purpose purpose = generation.purpose();
		if (!purpose.isMailed()) {
			errors.rejectValue("purpose", "warning.purpose.notMailed");
		}
		StringBuilder addressText = new StringBuilder(
				(generation.addressList() != null) ? generation.addressList() : "");
		List<Long> picked = generation.partnerIds();
		if (purpose == Purpose.REPORTER_THANKS && addressText.toString().isBlank() && picked.isEmpty()) {
			// the reply goes to who reported: the contact named, else the reporting
			// partner
			String reporter = reporterAddress(incident);
			if (reporter != null) {
				addressText.append(reporter);
			}
			else if (incident.partnerId() != null) {
				picked = List.of(incident.partnerId());
			}
		}
		for (Long partnerId : picked) {
			// a picked partner's contacts join the list
			PartnerView partner = this.partners.find(partnerId).orElse(null);
			if (partner == null) {
				errors.rejectValue("partnerIds", "warning.partner.unknown");
				continue;
			}
			partner.contacts()
				.stream()
				.map(PartnerView.Contact::email)
				.filter(Objects::nonNull)
				.forEach(email -> addressText.append('\n').append(email));
		}
		boolean staff = purpose == Purpose.STAFF_NOTICE;
		// a staff notice goes to our own domains only; everything else never does
		Predicate<String> leftOutDomain = staff ? domain -> !company.isOurDomain(domain) : company::isOurDomain;
		RecipientList listed = RecipientList.parse(addressText.toString(), leftOutDomain);
		if (staff && listed.ours() > 0) {
			errors.rejectValue("addressList", "warning.staff.ourDomainsOnly");
		}
		// an address list (not only the reporter picked): its batch is the one that warns
		boolean fromAddressList = purpose == Purpose.PARTNER_WARNING && RecipientList
			.parse((generation.addressList() != null) ? generation.addressList() : "", company::isOurDomain)
			.addressCount() > 0;
		List<String> leftOut = (purpose != Purpose.PARTNER_WARNING
				|| Boolean.TRUE.equals(generation.includeAlreadyWarned())) ? List.of()
						: alreadyWarned(incidentId, listed);
		RecipientList recipients = listed.without(leftOut);
		if (listed.addressCount() == 0) {
			errors.rejectValue("addressList", "warning.recipients.none");
		}
		else if (recipients.addressCount() == 0) {
			errors.rejectValue("addressList", "warning.recipients.allWarned");
		}
		if (errors.hasErrors()) {
			throw new InvalidRequestException(errors);
		}
		MailTemplate template = this.templates.get(purpose, language);
		Map<String, PartnerView> partnersByDomain = this.partners.byDomains(recipients.byDomain().keySet());
		Map<String, String> common = this.texts.commonValues(incident, company, language, generation, purpose);
		Instant now = Instant.now(this.clock);
		long batchId = this.jdbc.sql("""
				INSERT INTO warning_batch (incident_id, template_id, language, from_address, from_name, status,
				                           created_at, created_by, from_address_list, left_out_warned, purpose)
				VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?) RETURNING id""")
			.params(incidentId, template.id(), language, from, Texts.blankToNull(generation.fromName()),
					Timestamp.from(now), CurrentUser.username(), fromAddressList, leftOut.toArray(String[]::new),
					purpose.name())
			.query(Long.class)
			.single();
		// an exported address book names its people: drafts greet them by name
		Map<String, RecipientList.Person> people = RecipientList.peopleIn(generation.addressList());
		List<DraftGroups.Group> groups = DraftGroups.of(recipients, partnersByDomain, this.freeMail, staff);
		for (DraftGroups.Group group : groups) {
			insertDraft(batchId, incidentId, group.partner(), group.addresses(), template, common, language, now,
					people);
		}
		int drafts = groups.size();
		this.auditLog.record(AuditEntry.change("WARNING_DRAFTED", Incidents.TARGET, incidentId, "warningBatch", null,
				batchId + ": " + drafts + " drafts, " + recipients.addressCount() + " addresses"));
		return this.queries.batch(incidentId, batchId);
	}

	/**
	 * The address of the contact who reported the incident, if it names one with a mail.
	 */
	private String reporterAddress(IncidentView incident) {
		if (incident.partnerId() == null || incident.contactId() == null) {
			return null;
		}
		return this.partners.find(incident.partnerId())
			.flatMap(partner -> partner.contact(incident.contactId()))
			.map(PartnerView.Contact::email)
			.orElse(null);
	}

	/** Those of the listed addresses already warned (sent, To or Cc) in this incident. */
	private List<String> alreadyWarned(long incidentId, RecipientList listed) {
		Set<String> warned = new HashSet<>(this.jdbc.sql("""
				SELECT lower(a) FROM warning_draft d JOIN warning_batch b ON b.id = d.batch_id
				     AND b.purpose = 'PARTNER_WARNING', unnest(array_prepend(d.to_address, d.cc_addresses)) a
				WHERE d.incident_id = ? AND %s""".formatted(WarningQueries.WARNED))
			.param(incidentId)
			.query(String.class)
			.list());
		return listed.byDomain().values().stream().flatMap(List::stream).filter(warned::contains).toList();
	}

	private void insertDraft(long batchId, long incidentId, PartnerView partner, List<String> addresses,
			MailTemplate template, Map<String, String> common, String language, Instant now,
			Map<String, RecipientList.Person> people) {
		String to = addresses.get(0);
		PartnerView.Contact contact = (partner != null) ? partner.contacts()
			.stream()
			.filter(candidate -> candidate.email() != null && candidate.email().equalsIgnoreCase(to))
			.findFirst()
			.orElse(null) : null;
		RecipientList.Person person = people.get(to);
		String name = (contact != null && contact.name() != null) ? contact.name()
				: (person != null) ? person.name() : null;
		Map<String, String> values = new HashMap<>(common);
		String domain = to.substring(to.indexOf('@') + 1);
		values.put(Placeholders.PARTNER_COMPANY, (partner != null) ? partner.name()
				: (person != null && person.organisation() != null) ? person.organisation() : "");
		values.put(Placeholders.CONTACT_NAME,
				(name != null) ? this.texts.word("warning.value.contactName", language, name)
						: this.texts.word("warning.value.noContactName", language));
		Rendered rendered = this.templates.render(template, values);
		this.jdbc.sql("""
				INSERT INTO warning_draft (batch_id, incident_id, partner_id, recipient_label, to_address, to_name,
				                           cc_addresses, subject, body, status, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
			.params(batchId, incidentId, (partner != null) ? partner.id() : null,
					(partner != null) ? partner.name() : domain, to, name,
					addresses.subList(1, addresses.size()).toArray(String[]::new),
					ReferenceTag.tagged(common.get(Placeholders.INCIDENT_REFERENCE), rendered.subject()),
					rendered.body(), Timestamp.from(now), CurrentUser.username())
			.update();
	}

	/**
	 * Registers the domain of a draft without a partner as a new partner (named after the
	 * domain, the addresses as contacts), and links the draft to it.
	 */
	@Transactional
	public DraftView registerPartner(long incidentId, long draftId) {
		Permissions.check(Permission.DRAFT_WARNINGS);
		DraftView draft = this.queries.draft(incidentId, draftId);
		if (draft.partnerId() != null) {
			throw new ConflictException("warning.partner.already");
		}
		String domain = draft.toAddress().substring(draft.toAddress().indexOf('@') + 1);
		if (!this.partners.byDomains(List.of(domain)).isEmpty()) {
			throw new ConflictException("warning.partner.already");
		}
		List<PartnerCommand.ContactCommand> contacts = new ArrayList<>();
		List<String> addresses = new ArrayList<>(List.of(draft.toAddress()));
		addresses.addAll(draft.ccAddresses());
		for (String address : addresses) {
			contacts.add(new PartnerCommand.ContactCommand(null, address.substring(0, address.indexOf('@')), address,
					null, null));
		}
		PartnerView partner = this.partners
			.create(new PartnerCommand(domain, null, null, List.of(domain), contacts, null));
		this.jdbc
			.sql("UPDATE warning_draft SET partner_id = ?, recipient_label = ?, version = version + 1 WHERE id = ?")
			.params(partner.id(), partner.name(), draftId)
			.update();
		return this.queries.draft(incidentId, draftId);
	}

}
