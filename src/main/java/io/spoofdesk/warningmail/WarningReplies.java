package io.spoofdesk.warningmail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.incident.ReferenceTag;
import io.spoofdesk.settings.CompanyIdentityService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What warning mail has to do with mail that comes back: a reply to a sent warning marks
 * it answered, and the acknowledgement of a report is written from the reporter-reply
 * template (with the case's tag in its subject).
 */
@Service
public class WarningReplies {

	private final JdbcClient jdbc;

	private final MailTemplates templates;

	private final WarningTexts texts;

	private final Incidents incidents;

	private final CompanyIdentityService identities;

	private final AuditLog auditLog;

	WarningReplies(JdbcClient jdbc, MailTemplates templates, WarningTexts texts, Incidents incidents,
			CompanyIdentityService identities, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.texts = texts;
		this.incidents = incidents;
		this.identities = identities;
		this.auditLog = auditLog;
	}

	/**
	 * Marks the sent warning mail a reply refers to (by the Message-IDs in its
	 * In-Reply-To and References) as answered; answers its draft, or empty when it refers
	 * to none.
	 */
	@Transactional
	public Optional<AnsweredDraft> markAnswered(Collection<String> referencedMessageIds, Instant at) {
		if (referencedMessageIds.isEmpty()) {
			return Optional.empty();
		}
		List<AnsweredDraft> answered = this.jdbc.sql("""
				UPDATE warning_draft SET answered_at = coalesce(answered_at, ?)
				WHERE message_id = ANY(?) AND warning_draft_is_warned(status)
				RETURNING id, incident_id, to_address""")
			.params(Timestamp.from(at), referencedMessageIds.toArray(String[]::new))
			.query((rs, n) -> new AnsweredDraft(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
		answered.forEach(draft -> this.auditLog.record(AuditEntry.change("WARNING_ANSWERED", Incidents.TARGET,
				draft.incidentId(), "draft " + draft.draftId(), null, draft.toAddress())));
		return answered.stream().findFirst();
	}

	/**
	 * The acknowledgement of a report: the reporter-reply template in the language given,
	 * for the named contact and partner, tagged with the case's reference.
	 */
	@Transactional(readOnly = true)
	public Rendered acknowledgement(long incidentId, String language, String contactName, String partnerName,
			String contactPerson, String contactPhone) {
		IncidentView incident = this.incidents.get(incidentId);
		String lang = "en".equals(language) ? "en" : "ja";
		Map<String, String> values = this.texts.commonValues(
				incident, this.identities.current(), lang, new WarningDrafts.Generation(lang, "", "", null,
						contactPerson, contactPhone, null, List.of(), false, Purpose.REPORTER_THANKS),
				Purpose.REPORTER_THANKS);
		values.put(Placeholders.PARTNER_COMPANY, (partnerName != null) ? partnerName : "");
		values.put(Placeholders.CONTACT_NAME,
				(contactName != null) ? this.texts.word("warning.value.contactName", lang, contactName)
						: this.texts.word("warning.value.noContactName", lang));
		Rendered rendered = this.templates.render(this.templates.get(Purpose.REPORTER_THANKS, lang), values);
		return new Rendered(ReferenceTag.tagged(incident.reference(), rendered.subject()), rendered.body());
	}

	/** A sent warning that was answered. */
	public record AnsweredDraft(long draftId, long incidentId, String toAddress) {

	}

}
