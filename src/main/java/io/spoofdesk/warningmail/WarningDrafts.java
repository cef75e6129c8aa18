package io.spoofdesk.warningmail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.partner.FreeMailDomains;
import io.spoofdesk.partner.PartnerCommand;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.partner.PartnerView;
import io.spoofdesk.settings.CompanyIdentity;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.InvalidRequestException;
import io.spoofdesk.shared.Texts;
import io.spoofdesk.suspiciousmail.SuspiciousMails;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.MapBindingResult;

/**
 * Making warning mail: one draft per partner (or per unknown domain, or per private
 * address) from an address list and a template with the incident's values filled in,
 * registering an unknown domain as a partner, the website notice, and a draft as an .eml
 * file. What happens to a draft afterwards is {@link DraftWorkflow}'s; reading is
 * {@link WarningQueries}'.
 */
@Service
public class WarningDrafts {

	private final JdbcClient jdbc;

	private final MailTemplates templates;

	private final Incidents incidents;

	private final PartnerDirectory partners;

	private final SuspiciousMails mails;

	private final CompanyIdentityService identities;

	private final WarningQueries queries;

	private final MessageSource messages;

	private final AuditLog auditLog;

	private final Clock clock;

	private final FreeMailDomains freeMail;

	private final Set<String> otherSenders;

	WarningDrafts(JdbcClient jdbc, MailTemplates templates, Incidents incidents, PartnerDirectory partners,
			SuspiciousMails mails, CompanyIdentityService identities, WarningQueries queries, MessageSource messages,
			AuditLog auditLog, Clock clock, FreeMailDomains freeMail,
			@Value("${spoofdesk.warning-mail.senders:}") List<String> otherSenders) {
		this.freeMail = freeMail;
		this.otherSenders = otherSenders.stream()
			.map(sender -> sender.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		this.jdbc = jdbc;
		this.templates = templates;
		this.incidents = incidents;
		this.partners = partners;
		this.mails = mails;
		this.identities = identities;
		this.queries = queries;
		this.messages = messages;
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
		WarningPermissions.requireDrafter();
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
		Map<String, String> common = commonValues(incident, company, language, generation, purpose);
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
		// DESIGN.md: only the contacts of one partner organisation share a draft; a
		// free-mail
		// or unknown address gets its own, so no recipient sees another's private address
		Map<Long, List<String>> byPartner = new LinkedHashMap<>();
		List<List<String>> unknown = new ArrayList<>();
		recipients.byDomain().forEach((domain, addresses) -> {
			PartnerView partner = partnersByDomain.get(domain);
			for (String address : addresses) {
				PartnerView owner = (partner != null
						&& (!this.freeMail.contains(domain) || isContact(partner, address))) ? partner : null;
				if (owner != null) {
					byPartner.computeIfAbsent(owner.id(), id -> new ArrayList<>()).add(address);
				}
				else {
					unknown.add(List.of(address));
				}
			}
		});
		if (staff) {
			// our own staff are one organisation: one notice, To the first, Cc the rest
			byPartner.clear();
			unknown.clear();
			unknown.add(recipients.byDomain().values().stream().flatMap(List::stream).toList());
		}
		Map<Long, PartnerView> partnerById = new HashMap<>();
		partnersByDomain.values().forEach(partner -> partnerById.put(partner.id(), partner));
		// an exported address book names its people: drafts greet them by name
		Map<String, RecipientList.Person> people = RecipientList.peopleIn(generation.addressList());
		int drafts = 0;
		for (Map.Entry<Long, List<String>> entry : byPartner.entrySet()) {
			PartnerView partner = partnerById.get(entry.getKey());
			insertDraft(batchId, incidentId, partner, entry.getValue(), template, common, language, now, people);
			drafts++;
		}
		for (List<String> addresses : unknown) {
			insertDraft(batchId, incidentId, null, addresses, template, common, language, now, people);
			drafts++;
		}
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

	private static boolean isContact(PartnerView partner, String address) {
		return partner.contacts()
			.stream()
			.anyMatch(contact -> contact.email() != null && contact.email().equalsIgnoreCase(address));
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
		values.put(Placeholders.CONTACT_NAME, (name != null) ? word("warning.value.contactName", language, name)
				: word("warning.value.noContactName", language));
		Rendered rendered = this.templates.render(template, values);
		this.jdbc.sql("""
				INSERT INTO warning_draft (batch_id, incident_id, partner_id, recipient_label, to_address, to_name,
				                           cc_addresses, subject, body, status, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
			.params(batchId, incidentId, (partner != null) ? partner.id() : null,
					(partner != null) ? partner.name() : domain, to, name,
					addresses.subList(1, addresses.size()).toArray(String[]::new), rendered.subject(), rendered.body(),
					Timestamp.from(now), CurrentUser.username())
			.update();
	}

	/** Subjects or file names as the language quotes them: 「a」「b」, or "a", "b". */
	private String quoted(List<String> texts, String language) {
		return String.join(word("warning.value.quotedSeparator", language),
				texts.stream().map(text -> word("warning.value.quoted", language, text)).toList());
	}

	/**
	 * The honorifics, quotes and date format of the mail's language, from the messages.
	 */
	private String word(String key, String language, Object... arguments) {
		return this.messages.getMessage(key, (arguments.length > 0) ? arguments : null,
				Locale.forLanguageTag(language));
	}

	private Map<String, String> commonValues(IncidentView incident, CompanyIdentity company, String language,
			Generation generation, Purpose purpose) {
		Map<String, String> values = new HashMap<>();
		values.put(Placeholders.OUR_COMPANY, company.companyName());
		values.put(Placeholders.IMPERSONATED_ADDRESSES,
				String.join(", ",
						Stream.concat(incident.impersonatedAddresses().stream(), incident.impersonatedNames().stream())
							.toList()));
		Instant firstSeen = (incident.mailReceivedAt() != null) ? incident.mailReceivedAt() : incident.reportedAt();
		for (SuspiciousMails.MailRow mail : this.mails.mailsOf(incident.id())) {
			if (mail.arrivedAt() != null && mail.arrivedAt().isBefore(firstSeen)) {
				firstSeen = mail.arrivedAt();
			}
		}
		// only mail that showed our name: a mail impersonating a partner is not cited
		SuspiciousMails.ObservedMail observed = purpose.citesMailInOurName()
				? this.mails.observedInOurName(incident.id(), 5) : this.mails.observedInPartnersName(incident.id(), 5);
		values.put(Placeholders.OBSERVED_SUBJECTS, quoted(observed.subjects(), language));
		values.put(Placeholders.SENDER_ADDRESSES, String.join(", ", observed.senders()));
		values.put(Placeholders.ATTACHMENT_NAMES, quoted(observed.attachmentNames(), language));
		values.put(Placeholders.FIRST_SEEN,
				DateTimeFormatter.ofPattern(word("warning.value.dateFormat", language), Locale.forLanguageTag(language))
					.format(firstSeen.atZone(company.zoneId())));
		values.put(Placeholders.INCIDENT_REFERENCE, incident.reference());
		values.put(Placeholders.CONTACT_PERSON, Objects.toString(Texts.blankToNull(generation.contactPerson()), ""));
		values.put(Placeholders.CONTACT_PHONE, Objects.toString(Texts.blankToNull(generation.contactPhone()), ""));
		values.put(Placeholders.CONTACT_EMAIL, Objects.toString(Texts.blankToNull(generation.contactEmail()), ""));
		return values;
	}

	/**
	 * Registers the domain of a draft without a partner as a new partner (named after the
	 * domain, the addresses as contacts), and links the draft to it.
	 */
	@Transactional
	public DraftView registerPartner(long incidentId, long draftId) {
		WarningPermissions.requireDrafter();
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

	/** The website notice for this incident, in a language: text, and HTML to post. */
	@Transactional(readOnly = true)
	public Rendered websiteNotice(long incidentId, String language, String contactPerson, String contactPhone) {
		IncidentView incident = this.incidents.get(incidentId);
		String lang = "en".equals(language) ? "en" : "ja";
		Map<String, String> values = commonValues(incident, this.identities.current(), lang, new Generation(lang, "",
				"", null, contactPerson, contactPhone, null, List.of(), false, Purpose.WEBSITE_NOTICE),
				Purpose.WEBSITE_NOTICE);
		return this.templates.render(this.templates.get(Purpose.WEBSITE_NOTICE, lang), values);
	}

	/** The approved draft as a message, for download. */
	@Transactional(readOnly = true)
	public byte[] eml(long incidentId, long draftId) {
		WarningPermissions.requireDrafter();
		DraftView draft = this.queries.draft(incidentId, draftId);
		if (!draft.status().isApprovedContent()) {
			throw new ConflictException("warning.draft.notApproved");
		}
		return EmlWriter.eml(mailOf(draft, this.queries.batchSender(draft.batchId())));
	}

	EmlWriter.Mail mailOf(DraftView draft, EmlWriter.Address from) {
		String domain = from.email().substring(from.email().indexOf('@') + 1);
		return new EmlWriter.Mail(from, List.of(new EmlWriter.Address(draft.toAddress(), draft.toName())),
				draft.ccAddresses().stream().map(address -> new EmlWriter.Address(address, null)).toList(),
				draft.subject(), draft.body(), Instant.now(this.clock).atZone(this.identities.current().zoneId()),
				domain);
	}

}
