package io.spoofdesk.suspiciousmail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.spoofdesk.incident.IncidentCommand;
import io.spoofdesk.incident.IncidentSource;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.mailanalysis.MailAnalysis;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing a mail that was analysed already (the reporting mailbox analyses each mail once,
 * outside any transaction): a new incident opened from it, pre-filled as the upload form
 * would be, or the mail added to an incident. Both join the caller's transaction, so the
 * mail, the incident and whatever the caller records with them are saved together.
 */
@Service
public class MailFiling {

	private final SuspiciousMails mails;

	private final IncidentMailHooks hooks;

	private final Incidents incidents;

	private final JdbcClient jdbc;

	MailFiling(SuspiciousMails mails, IncidentMailHooks hooks, Incidents incidents, JdbcClient jdbc) {
		this.mails = mails;
		this.hooks = hooks;
		this.incidents = incidents;
		this.jdbc = jdbc;
	}

	/**
	 * Opens an incident from the mail, with its checklist, and attaches the mail. The
	 * reporter's partner and contact are named when known.
	 */
	@Transactional
	public IncidentView openIncident(byte[] raw, MailAnalysis analysis, Long partnerId, Long contactId) {
		IncidentSource.Prefill prefill = this.hooks.prefillFrom(analysis);
		Long partner = (partnerId != null) ? partnerId : prefill.partnerId();
		IncidentView opened = this.incidents.open(new IncidentCommand(prefill.title(), partner,
				(partnerId != null) ? contactId : null, prefill.channel(), prefill.severity(), null, prefill.summary(),
				prefill.impersonatedAddresses(), prefill.mailReceivedAt(), null, null, null, null, List.of()));
		attach(opened.id(), raw, analysis);
		return opened;
	}

	/**
	 * Attaches the mail to an incident (recognised, not stored twice, when it is there).
	 */
	@Transactional
	public SuspiciousMails.Attached attach(long incidentId, byte[] raw, MailAnalysis analysis) {
		this.mails.keepEvidence(analysis.sha256(), raw);
		return this.mails.link(incidentId, analysis, null);
	}

	/**
	 * Keeps a raw mail as evidence for something else than a suspicious mail (a reply in
	 * a case's correspondence, which refers to it by SHA-256): stored once per content,
	 * under the same retention.
	 */
	public void keepEvidence(String sha256, byte[] raw) {
		this.mails.keepEvidence(sha256, raw);
	}

	/**
	 * The incidents that hold a mail with this Message-ID added since {@code since},
	 * newest first: where a second forward of the same mail belongs.
	 */
	@Transactional(readOnly = true)
	public List<Long> incidentsWithMessageId(String messageId, Instant since) {
		if (messageId == null || messageId.isBlank()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT incident_id FROM incident_mail
				WHERE message_id = ? AND added_at >= ?
				ORDER BY added_at DESC, id DESC LIMIT 10""")
			.params(messageId, Timestamp.from(since))
			.query(Long.class)
			.list();
	}

}
