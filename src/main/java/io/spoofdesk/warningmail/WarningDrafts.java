package io.spoofdesk.warningmail;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Role;
import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.identity.UserView;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.notification.NotificationKind;
import io.spoofdesk.notification.Notifications;
import io.spoofdesk.partner.FreeMailDomains;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.partner.PartnerView;
import io.spoofdesk.settings.CompanyIdentity;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.EditConflictException;
import io.spoofdesk.shared.InvalidRequestException;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.Texts;
import io.spoofdesk.suspiciousmail.SuspiciousMails;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.MapBindingResult;

/**
 * The warning-mail module's public API: generate one draft per partner (or per unknown
 * domain) from an address list and a template, edit drafts, submit a batch, approve or
 * return it (managers), then download, mark sent or queue drafts for SMTP. Every step is
 * audited on the incident; drafts are only ever changed from the status they were read
 * in.
 */
@Service
public class WarningDrafts {

	static final String TARGET = "Incident";

	private static final String DRAFT_COLUMNS = "id, batch_id, incident_id, partner_id, recipient_label, to_address, "
			+ "to_name, cc_addresses, subject, body, status, attempts, next_attempt_at, last_error, approved_by, "
			+ "approved_at, sent_by, sent_at, updated_at, updated_by, version";

	private final JdbcClient jdbc;

	private final MailTemplates templates;

	private final Incidents incidents;

	private final PartnerDirectory partners;

	private final SuspiciousMails mails;

	private final CompanyIdentityService identities;

	private final UserAccounts users;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final FreeMailDomains freeMail;

	private final Set<String> otherSenders;

	WarningDrafts(JdbcClient jdbc, MailTemplates templates, Incidents incidents, PartnerDirectory partners,
			SuspiciousMails mails, CompanyIdentityService identities, UserAccounts users, Notifications notifications,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock, FreeMailDomains freeMail,
			@Value("${spoofdesk.warning-mail.senders:}") List<String> otherSenders) {
		this.freeMail = freeMail;
		this.otherSenders = otherSenders.stream()
			.map(sender -> sender.strip().toLowerCase(java.util.Locale.ROOT))
			.collect(java.util.stream.Collectors.toSet());
		this.jdbc = jdbc;
		this.templates = templates;
		this.incidents = incidents;
		this.partners = partners;
		this.mails = mails;
		this.identities = identities;
		this.users = users;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.events = events;
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
		requireDrafter();
		IncidentView incident = this.incidents.get(incidentId);
		CompanyIdentity company = this.identities.current();
		String language = "en".equals(generation.language()) ? "en" : "ja";
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "generation");
		String from = (generation.fromAddress() != null) ? generation.fromAddress().strip() : "";
		if (!singleAddress(from.toLowerCase(java.util.Locale.ROOT))) {
			errors.rejectValue("fromAddress", "warning.from.invalid");
		}
		else if (!company.isOurDomain(from.substring(from.lastIndexOf('@') + 1))
				&& !this.otherSenders.contains(from.toLowerCase(java.util.Locale.ROOT))) {
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
		java.util.function.Predicate<String> leftOutDomain = staff ? domain -> !company.isOurDomain(domain)
				: company::isOurDomain;
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
		this.auditLog.record(AuditEntry.change("WARNING_DRAFTED", TARGET, incidentId, "warningBatch", null,
				batchId + ": " + drafts + " drafts, " + recipients.addressCount() + " addresses"));
		return batch(incidentId, batchId);
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
		Set<String> warned = new java.util.HashSet<>(this.jdbc.sql("""
				SELECT lower(a) FROM warning_draft d JOIN warning_batch b ON b.id = d.batch_id
				     AND b.purpose = 'PARTNER_WARNING', unnest(array_prepend(d.to_address, d.cc_addresses)) a
				WHERE d.incident_id = ? AND %s""".formatted(WARNED)).param(incidentId).query(String.class).list());
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
		values.put(Placeholders.CONTACT_NAME, (name != null) ? name + ("en".equals(language) ? "" : " 様")
				: ("en".equals(language) ? "Sir or Madam" : "ご担当者様"));
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

	private static String quoted(List<String> texts, boolean english) {
		return english ? String.join(", ", texts.stream().map(text -> "\"" + text + "\"").toList())
				: String.join("", texts.stream().map(text -> "「" + text + "」").toList());
	}

	private Map<String, String> commonValues(IncidentView incident, CompanyIdentity company, String language,
			Generation generation, Purpose purpose) {
		Map<String, String> values = new HashMap<>();
		values.put(Placeholders.OUR_COMPANY, company.companyName());
		values.put(Placeholders.IMPERSONATED_ADDRESSES,
				String.join(", ",
						java.util.stream.Stream
							.concat(incident.impersonatedAddresses().stream(), incident.impersonatedNames().stream())
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
		boolean english = "en".equals(language);
		values.put(Placeholders.OBSERVED_SUBJECTS, quoted(observed.subjects(), english));
		values.put(Placeholders.SENDER_ADDRESSES, String.join(", ", observed.senders()));
		values.put(Placeholders.ATTACHMENT_NAMES, quoted(observed.attachmentNames(), english));
		values.put(Placeholders.FIRST_SEEN,
				DateTimeFormatter
					.ofPattern("en".equals(language) ? "d MMM yyyy" : "yyyy年M月d日",
							java.util.Locale.forLanguageTag(language))
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
		requireDrafter();
		DraftView draft = draft(incidentId, draftId);
		if (draft.partnerId() != null) {
			throw new ConflictException("warning.partner.already");
		}
		String domain = draft.toAddress().substring(draft.toAddress().indexOf('@') + 1);
		if (!this.partners.byDomains(List.of(domain)).isEmpty()) {
			throw new ConflictException("warning.partner.already");
		}
		List<io.spoofdesk.partner.PartnerCommand.ContactCommand> contacts = new ArrayList<>();
		List<String> addresses = new ArrayList<>(List.of(draft.toAddress()));
		addresses.addAll(draft.ccAddresses());
		for (String address : addresses) {
			contacts.add(new io.spoofdesk.partner.PartnerCommand.ContactCommand(null,
					address.substring(0, address.indexOf('@')), address, null, null));
		}
		PartnerView partner = this.partners
			.create(new io.spoofdesk.partner.PartnerCommand(domain, null, null, List.of(domain), contacts, null));
		this.jdbc
			.sql("UPDATE warning_draft SET partner_id = ?, recipient_label = ?, version = version + 1 WHERE id = ?")
			.params(partner.id(), partner.name(), draftId)
			.update();
		return draft(incidentId, draftId);
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

	/** The incident's batches, newest first, with their drafts. */
	@Transactional(readOnly = true)
	public List<BatchView> batchesOf(long incidentId) {
		this.incidents.get(incidentId);
		Map<Long, List<DraftView>> drafts = this.jdbc
			.sql("SELECT " + DRAFT_COLUMNS + " FROM warning_draft WHERE incident_id = ? ORDER BY id")
			.param(incidentId)
			.query((rs, n) -> draft(rs))
			.list()
			.stream()
			.collect(Collectors.groupingBy(DraftView::batchId));
		return this.jdbc.sql("SELECT * FROM warning_batch WHERE incident_id = ? ORDER BY id DESC")
			.param(incidentId)
			.query((rs, n) -> batchView(rs, drafts.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** The incident's batches, newest first, counted in one query. */
	@Transactional(readOnly = true)
	public List<BatchSummary> summariesOf(long incidentId) {
		record Row(long batchId, String batchStatus, String draftStatus, long drafts) {
		}
		List<Row> rows = this.jdbc.sql("""
				SELECT b.id, b.status, d.status AS draft_status, count(d.id) AS drafts
				FROM warning_batch b LEFT JOIN warning_draft d ON d.batch_id = b.id
				WHERE b.incident_id = ?
				GROUP BY b.id, b.status, d.status ORDER BY b.id DESC""")
			.param(incidentId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("status"), rs.getString("draft_status"),
					rs.getLong("drafts")))
			.list();
		Map<Long, List<Row>> byBatch = rows.stream()
			.collect(Collectors.groupingBy(Row::batchId, LinkedHashMap::new, Collectors.toList()));
		return byBatch.values().stream().map(batch -> {
			Map<DraftStatus, Long> counts = new EnumMap<>(DraftStatus.class);
			batch.stream()
				.filter(row -> row.draftStatus() != null)
				.forEach(row -> counts.put(DraftStatus.valueOf(row.draftStatus()), row.drafts()));
			return new BatchSummary(batch.get(0).batchId(), batch.get(0).batchStatus(), counts);
		}).toList();
	}

	/** What counts as warned: sent by SpoofDesk or marked sent by hand. */
	private static final String WARNED = "d.status IN ('SENT', 'MARKED_SENT')";

	/** Still to send: neither warned nor cancelled (the dashboard's "still to send"). */
	private static final String TO_SEND = "d.status NOT IN ('SENT', 'MARKED_SENT', 'CANCELLED')";

	/** Warning mails across incidents, newest change first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<DraftRow> across(boolean warned, int limit) {
		return this.jdbc.sql("""
				SELECT d.id, d.incident_id, i.reference, i.title, d.batch_id, d.recipient_label, d.to_address,
				       d.status, coalesce(d.sent_at, d.updated_at) AS at
				FROM warning_draft d JOIN incident i ON i.id = d.incident_id
				WHERE %s ORDER BY at DESC, d.id DESC LIMIT ?""".formatted(warned ? WARNED : TO_SEND))
			.param(limit)
			.query((rs, n) -> new DraftRow(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("reference"),
					rs.getString("title"), rs.getLong("batch_id"), rs.getString("recipient_label"),
					rs.getString("to_address"), DraftStatus.valueOf(rs.getString("status")), instant(rs, "at")))
			.list();
	}

	/**
	 * How many warning mails {@link #across} would list without its limit, from the
	 * per-status counts the database keeps (V14): the dashboard's two figures.
	 */
	@Transactional(readOnly = true)
	public long countAcross(boolean warned) {
		return this.jdbc
			.sql("SELECT coalesce(sum(count), 0)::bigint FROM warning_draft_status_count d WHERE "
					+ (warned ? WARNED : TO_SEND))
			.query(Long.class)
			.single();
	}

	/** Who has been warned in this incident (sent or marked sent), by recipient label. */
	@Transactional(readOnly = true)
	public List<String> warnedRecipients(long incidentId) {
		return this.jdbc.sql("""
				SELECT d.recipient_label FROM warning_draft d
				WHERE d.incident_id = ? AND %s
				GROUP BY d.recipient_label ORDER BY min(d.id)""".formatted(WARNED))
			.param(incidentId)
			.query(String.class)
			.list();
	}

	@Transactional(readOnly = true)
	public BatchView batch(long incidentId, long batchId) {
		List<DraftView> drafts = this.jdbc
			.sql("SELECT " + DRAFT_COLUMNS + " FROM warning_draft WHERE batch_id = ? AND incident_id = ? ORDER BY id")
			.params(batchId, incidentId)
			.query((rs, n) -> draft(rs))
			.list();
		return this.jdbc.sql("SELECT * FROM warning_batch WHERE id = ? AND incident_id = ?")
			.params(batchId, incidentId)
			.query((rs, n) -> batchView(rs, drafts))
			.optional()
			.orElseThrow(() -> new NotFoundException("WarningBatch", batchId));
	}

	private static BatchView batchView(java.sql.ResultSet rs, List<DraftView> drafts) throws java.sql.SQLException {
		return new BatchView(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("language"),
				rs.getString("from_address"), rs.getString("from_name"), rs.getString("status"),
				rs.getString("return_reason"), instant(rs, "created_at"), rs.getString("created_by"),
				instant(rs, "submitted_at"), rs.getString("submitted_by"), instant(rs, "decided_at"),
				rs.getString("decided_by"), drafts, List.of((String[]) rs.getArray("left_out_warned").getArray()),
				Purpose.valueOf(rs.getString("purpose")));
	}

	@Transactional(readOnly = true)
	public DraftView draft(long incidentId, long draftId) {
		return this.jdbc.sql("SELECT " + DRAFT_COLUMNS + " FROM warning_draft WHERE id = ? AND incident_id = ?")
			.params(draftId, incidentId)
			.query((rs, n) -> draft(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("WarningDraft", draftId));
	}

	/** Changes a draft's text or recipients while it is still a draft (or returned). */
	@Transactional
	public DraftView edit(long incidentId, long draftId, String toAddress, List<String> cc, String subject, String body,
			Long expectedVersion) {
		requireDrafter();
		DraftView draft = draft(incidentId, draftId);
		if (!draft.status().isEditable()) {
			throw new ConflictException("warning.draft.notEditable");
		}
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "draft");
		String to = (toAddress != null) ? toAddress.strip().toLowerCase(java.util.Locale.ROOT) : "";
		List<String> ccList = (cc != null) ? cc.stream()
			.map(address -> address.strip().toLowerCase(java.util.Locale.ROOT))
			.filter(address -> !address.isEmpty())
			.distinct()
			.toList() : List.of();
		if (!singleAddress(to)) {
			errors.rejectValue("toAddress", "warning.address.invalid");
		}
		if (!ccList.stream().allMatch(WarningDrafts::singleAddress)) {
			errors.rejectValue("ccAddresses", "warning.address.invalid");
		}
		if (subject == null || subject.isBlank() || subject.contains("\n") || subject.contains("\r")
				|| subject.length() > 500) {
			errors.rejectValue("subject", "template.subject.singleLine");
		}
		if (body == null || body.isBlank() || body.length() > 50_000) {
			errors.rejectValue("body", "template.body.required");
		}
		if (errors.hasErrors()) {
			throw new InvalidRequestException(errors);
		}
		// a submitted batch is frozen for review: it is withdrawn first, then edited,
		// submitted and approved again (the batch row locked first, the lock order of
		// approve)
		String batchStatus = this.jdbc
			.sql("SELECT status FROM warning_batch WHERE id = ? AND incident_id = ? FOR UPDATE")
			.params(draft.batchId(), incidentId)
			.query(String.class)
			.single();
		if ("SUBMITTED".equals(batchStatus)) {
			throw new ConflictException("warning.draft.awaitingApproval");
		}
		int updated = this.jdbc.sql("""
				UPDATE warning_draft SET to_address = ?, cc_addresses = ?, subject = ?, body = ?, updated_at = ?,
				       updated_by = ?, version = version + 1
				WHERE id = ? AND version = ? AND status IN ('DRAFT', 'RETURNED')""")
			.params(to, ccList.toArray(String[]::new), subject.strip(), body, Timestamp.from(Instant.now(this.clock)),
					CurrentUser.username(), draftId, (expectedVersion != null) ? expectedVersion : draft.version())
			.update();
		if (updated == 0) {
			DraftView now = draft(incidentId, draftId);
			throw new EditConflictException(now.updatedBy(), now.updatedAt());
		}
		this.auditLog.record(AuditEntry.change("WARNING_EDITED", TARGET, incidentId, "draft " + draftId,
				draft.subject(), subject.strip()));
		return draft(incidentId, draftId);
	}

	/**
	 * Takes a batch waiting for approval back to draft, so its drafts can be edited; it
	 * is then submitted (and approved) again.
	 */
	@Transactional
	public BatchView withdraw(long incidentId, long batchId) {
		requireDrafter();
		batch(incidentId, batchId);
		int withdrawn = this.jdbc
			.sql("UPDATE warning_batch SET status = 'DRAFT' WHERE id = ? AND incident_id = ? AND status = 'SUBMITTED'")
			.params(batchId, incidentId)
			.update();
		if (withdrawn == 0) {
			throw new ConflictException("warning.batch.wrongState");
		}
		this.auditLog.record(AuditEntry.change("WARNING_UNSUBMITTED", TARGET, incidentId, "warningBatch", "SUBMITTED",
				batchId + ": DRAFT"));
		return batch(incidentId, batchId);
	}

	/** Hands a batch to the managers for approval, and tells them. */
	@Transactional
	public BatchView submit(long incidentId, long batchId) {
		requireDrafter();
		BatchView batch = batch(incidentId, batchId);
		moveBatch(batchId, List.of("DRAFT", "RETURNED"), "SUBMITTED", "submitted", null);
		IncidentView incident = this.incidents.get(incidentId);
		for (UserView manager : this.users.assignable()) {
			if (manager.has(Role.MANAGER) && !manager.username().equals(CurrentUser.username())) {
				this.notifications.notify(manager.username(), NotificationKind.APPROVAL_WAITING,
						incident.reference() + " · " + batch.drafts().size(),
						"/incidents/" + incidentId + "/warnings/" + batchId);
			}
		}
		this.auditLog.record(AuditEntry.change("WARNING_SUBMITTED", TARGET, incidentId, "warningBatch", null,
				Long.toString(batchId)));
		return batch(incidentId, batchId);
	}

	/**
	 * Approves a submitted batch: its drafts may now be sent. {@code reviewedVersions} is
	 * what the manager saw ({@link BatchView#reviewedVersions()}); if any draft changed
	 * since, nothing is approved (409), so what is sent is what was reviewed.
	 */
	@Transactional
	public BatchView approve(long incidentId, long batchId, String reviewedVersions) {
		requireManager();
		batch(incidentId, batchId);
		if (reviewedVersions == null) {
			MapBindingResult errors = new MapBindingResult(new HashMap<>(), "batch");
			errors.rejectValue("reviewedVersions", "warning.batch.reviewedVersionsRequired");
			throw new InvalidRequestException(errors);
		}
		moveBatch(batchId, List.of("SUBMITTED"), "APPROVED", "decided", null);
		String current = this.jdbc.sql("""
				SELECT coalesce(string_agg(id || ':' || version, ',' ORDER BY id), '') FROM warning_draft
				WHERE batch_id = ? AND status IN ('DRAFT', 'RETURNED')""").param(batchId).query(String.class).single();
		if (!current.equals(reviewedVersions.strip())) {
			throw new ConflictException("warning.batch.changedSinceReview");
		}
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				UPDATE warning_draft SET status = 'APPROVED', approved_by = ?, approved_at = ?, updated_at = ?,
				       updated_by = ?, version = version + 1
				WHERE batch_id = ? AND status IN ('DRAFT', 'RETURNED')""")
			.params(CurrentUser.username(), Timestamp.from(now), Timestamp.from(now), CurrentUser.username(), batchId)
			.update();
		this.auditLog.record(AuditEntry.change("WARNING_APPROVED", TARGET, incidentId, "warningBatch", null,
				batchId + " (" + current + ")"));
		return batch(incidentId, batchId);
	}

	/** Sends a submitted batch back to the helpdesk with a reason. */
	@Transactional
	public BatchView sendBack(long incidentId, long batchId, String reason) {
		requireManager();
		if (reason == null || reason.isBlank()) {
			MapBindingResult errors = new MapBindingResult(new HashMap<>(), "batch");
			errors.rejectValue("reason", "warning.return.reasonRequired");
			throw new InvalidRequestException(errors);
		}
		moveBatch(batchId, List.of("SUBMITTED"), "RETURNED", "decided", reason.strip());
		this.jdbc
			.sql("UPDATE warning_draft SET status = 'RETURNED', version = version + 1 "
					+ "WHERE batch_id = ? AND status = 'DRAFT'")
			.param(batchId)
			.update();
		this.auditLog.record(AuditEntry.change("WARNING_RETURNED", TARGET, incidentId, "warningBatch", null,
				batchId + " (" + reason.strip() + ")"));
		return batch(incidentId, batchId);
	}

	/** Puts the approved drafts of a batch on the sending queue (at most once each). */
	@Transactional
	public int queue(long incidentId, long batchId) {
		requireManager();
		batch(incidentId, batchId);
		Instant now = Instant.now(this.clock);
		int queued = this.jdbc.sql("""
				UPDATE warning_draft SET status = 'QUEUED', next_attempt_at = ?, sent_by = ?, updated_at = ?,
				       updated_by = ?, version = version + 1
				WHERE batch_id = ? AND incident_id = ? AND status = 'APPROVED'""")
			.params(Timestamp.from(now), CurrentUser.username(), Timestamp.from(now), CurrentUser.username(), batchId,
					incidentId)
			.update();
		this.auditLog.record(
				AuditEntry.change("WARNING_QUEUED", TARGET, incidentId, "warningBatch", null, batchId + ": " + queued));
		return queued;
	}

	/** Records that a draft went out outside SpoofDesk (from the .eml or copied text). */
	@Transactional
	public DraftView markSent(long incidentId, long draftId) {
		requireManager();
		DraftView draft = draft(incidentId, draftId);
		if (!List.of(DraftStatus.APPROVED, DraftStatus.FAILED, DraftStatus.UNKNOWN).contains(draft.status())) {
			throw new ConflictException("warning.draft.notMarkable");
		}
		setStatus(incidentId, draft, DraftStatus.MARKED_SENT, true);
		return draft(incidentId, draftId);
	}

	/** Cancels a draft that will not be sent, saying why. */
	@Transactional
	public DraftView cancel(long incidentId, long draftId, String reason) {
		requireDrafter();
		DraftView draft = draft(incidentId, draftId);
		String why = Texts.blankToNull(reason);
		if (why == null || why.length() > 2000) {
			MapBindingResult errors = new MapBindingResult(new HashMap<>(), "draft");
			errors.rejectValue("reason", "warning.draft.cancelReasonRequired");
			throw new InvalidRequestException(errors);
		}
		if (draft.status().isWarned() || draft.status() == DraftStatus.SENDING
				|| draft.status() == DraftStatus.CANCELLED) {
			throw new ConflictException("warning.draft.notCancellable");
		}
		this.jdbc.sql("UPDATE warning_draft SET cancel_reason = ? WHERE id = ?").params(why.strip(), draftId).update();
		setStatus(incidentId, draft, DraftStatus.CANCELLED, false);
		this.auditLog.record(AuditEntry.change("WARNING_CANCELLED", TARGET, incidentId, "draft " + draftId, null,
				draft.toAddress() + " (" + why.strip() + ")"));
		checkAllWarned(incidentId);
		return draft(incidentId, draftId);
	}

	/** The approved draft as a message, for download. */
	@Transactional(readOnly = true)
	public byte[] eml(long incidentId, long draftId) {
		requireDrafter();
		DraftView draft = draft(incidentId, draftId);
		if (!draft.status().isApprovedContent()) {
			throw new ConflictException("warning.draft.notApproved");
		}
		return EmlWriter.eml(mailOf(draft, batchSender(draft.batchId())));
	}

	EmlWriter.Mail mailOf(DraftView draft, EmlWriter.Address from) {
		String domain = from.email().substring(from.email().indexOf('@') + 1);
		return new EmlWriter.Mail(from, List.of(new EmlWriter.Address(draft.toAddress(), draft.toName())),
				draft.ccAddresses().stream().map(address -> new EmlWriter.Address(address, null)).toList(),
				draft.subject(), draft.body(), Instant.now(this.clock).atZone(this.identities.current().zoneId()),
				domain);
	}

	EmlWriter.Address batchSender(long batchId) {
		return this.jdbc.sql("SELECT from_address, from_name FROM warning_batch WHERE id = ?")
			.param(batchId)
			.query((rs, n) -> new EmlWriter.Address(rs.getString("from_address"), rs.getString("from_name")))
			.single();
	}

	/**
	 * After a draft ended as sent: when no draft of the incident is left unwarned, the
	 * partners have all been warned.
	 */
	void checkAllWarned(long incidentId) {
		// only batches made from an address list count: a thank-you to the reporter alone
		// does not warn the partners
		Map<String, Object> counts = this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE d.status IN ('SENT', 'MARKED_SENT')) AS warned,
				       count(*) FILTER (WHERE d.status NOT IN ('SENT', 'MARKED_SENT', 'CANCELLED')) AS open
				FROM warning_draft d JOIN warning_batch b ON b.id = d.batch_id AND b.from_address_list
				     AND b.purpose = 'PARTNER_WARNING'
				WHERE d.incident_id = ?""").param(incidentId).query().singleRow();
		long warned = ((Number) counts.get("warned")).longValue();
		long open = ((Number) counts.get("open")).longValue();
		if (warned > 0 && open == 0) {
			this.events.publishEvent(new PartnersWarned(incidentId, (int) warned));
		}
		Map<String, Object> staff = this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE d.status IN ('SENT', 'MARKED_SENT')) AS sent,
				       count(*) FILTER (WHERE d.status NOT IN ('SENT', 'MARKED_SENT', 'CANCELLED')) AS open
				FROM warning_draft d JOIN warning_batch b ON b.id = d.batch_id AND b.purpose = 'STAFF_NOTICE'
				WHERE d.incident_id = ?""").param(incidentId).query().singleRow();
		long staffSent = ((Number) staff.get("sent")).longValue();
		if (staffSent > 0 && ((Number) staff.get("open")).longValue() == 0) {
			this.events.publishEvent(new StaffWarned(incidentId, (int) staffSent));
		}
	}

	private void setStatus(long incidentId, DraftView draft, DraftStatus to, boolean sent) {
		Instant now = Instant.now(this.clock);
		int updated = this.jdbc.sql("""
				UPDATE warning_draft SET status = ?, sent_by = CASE WHEN ? THEN ? ELSE sent_by END,
				       sent_at = CASE WHEN ? THEN ? ELSE sent_at END, updated_at = ?, updated_by = ?,
				       version = version + 1
				WHERE id = ? AND status = ?""")
			.params(to.name(), sent, CurrentUser.username(), sent, Timestamp.from(now), Timestamp.from(now),
					CurrentUser.username(), draft.id(), draft.status().name())
			.update();
		if (updated == 0) {
			DraftView current = draft(incidentId, draft.id());
			throw new EditConflictException(current.updatedBy(), current.updatedAt());
		}
		this.auditLog.record(AuditEntry.change("WARNING_STATUS", TARGET, incidentId, "draft " + draft.id(),
				draft.status(), to + " " + draft.toAddress()));
		if (sent) {
			checkAllWarned(incidentId);
		}
	}

	private void moveBatch(long batchId, List<String> from, String to, String who, String reason) {
		Instant now = Instant.now(this.clock);
		int updated = this.jdbc
			.sql("UPDATE warning_batch SET status = :to, return_reason = :reason, " + who + "_at = :now, " + who
					+ "_by = :user WHERE id = :id AND status IN (:from)")
			.param("to", to)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("user", CurrentUser.username())
			.param("id", batchId)
			.param("from", from)
			.update();
		if (updated == 0) {
			throw new ConflictException("warning.batch.wrongState");
		}
	}

	private static boolean singleAddress(String address) {
		return !address.isEmpty() && RecipientList.parse(address, domain -> false)
			.byDomain()
			.values()
			.stream()
			.flatMap(List::stream)
			.toList()
			.equals(List.of(address));
	}

	private static void requireDrafter() {
		Set<Role> roles = CurrentUser.roles();
		if (!roles.contains(Role.HELPDESK) && !roles.contains(Role.MANAGER)) {
			throw new AccessDeniedException("Only helpdesk and managers draft warning mail");
		}
	}

	private static void requireManager() {
		if (!CurrentUser.roles().contains(Role.MANAGER)) {
			throw new AccessDeniedException("Only managers approve and send warning mail");
		}
	}

	static DraftView draft(ResultSet rs) throws SQLException {
		Array cc = rs.getArray("cc_addresses");
		List<String> ccList = (cc != null) ? Arrays.asList((String[]) cc.getArray()) : List.of();
		Long partner = rs.getObject("partner_id", Long.class);
		return new DraftView(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("incident_id"), partner,
				rs.getString("recipient_label"), rs.getString("to_address"), rs.getString("to_name"), ccList,
				rs.getString("subject"), rs.getString("body"), DraftStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
				rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("sent_by"),
				instant(rs, "sent_at"), instant(rs, "updated_at"), rs.getString("updated_by"), rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
