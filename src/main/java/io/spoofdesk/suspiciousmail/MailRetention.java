package io.spoofdesk.suspiciousmail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.incident.Incidents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes raw mails that are no longer needed (personal data under Japan's APPI): those
 * whose every incident has been closed (or marked a false positive) for longer than the
 * retention period, and those kept for a new incident that was never opened. With the raw
 * mail go the personal data of its stored analysis (text body, recipients, forwarder,
 * warnings and the triage's quoted evidence); what the reports need stays (sender,
 * subject, indicators, IOCs, counts). A raw mail kept for a reply in a case's
 * correspondence counts like a suspicious mail of that case ({@code mail_evidence_use});
 * {@link RawMailsPurged} tells its owner to drop the text it kept. Each purge is audited
 * on the incidents concerned. Safe to run on several instances at once.
 */
@Component
class MailRetention {

	private static final Logger log = LoggerFactory.getLogger(MailRetention.class);

	/**
	 * How long a mail uploaded for a new incident waits for that incident to be opened.
	 */
	static final Duration UNUSED_KEPT_FOR = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final MailProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	MailRetention(JdbcClient jdbc, AuditLog auditLog, MailProperties properties, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${spoofdesk.mail.retention-cron:0 17 3 * * *}")
	void scheduled() {
		int purged = purge();
		if (purged > 0) {
			log.info("Mail retention: {} raw mail(s) purged", purged);
		}
	}

	/** Purges what is due now; returns how many raw mails were deleted. */
	@Transactional
	int purge() {
		Instant now = this.clock.instant();
		Timestamp closedBefore = Timestamp.from(now.minus(this.properties.retention()));
		Timestamp unusedBefore = Timestamp.from(now.minus(UNUSED_KEPT_FOR));
		List<String> purged = this.jdbc.sql("""
				UPDATE mail_evidence e SET raw = NULL, purged_at = ?
				WHERE e.raw IS NOT NULL AND (
				    (NOT EXISTS (SELECT 1 FROM mail_evidence_use m WHERE m.sha256 = e.sha256) AND e.stored_at < ?)
				    OR (EXISTS (SELECT 1 FROM mail_evidence_use m WHERE m.sha256 = e.sha256)
				        AND NOT EXISTS (
				            SELECT 1 FROM mail_evidence_use m
				            WHERE m.sha256 = e.sha256
				              AND coalesce(incident_ended_at(m.incident_id), 'infinity') >= ?)))
				RETURNING e.sha256""")
			.params(Timestamp.from(now), unusedBefore, closedBefore)
			.query(String.class)
			.list();
		if (!purged.isEmpty()) {
			this.jdbc.sql("""
					UPDATE incident_mail SET analysis = jsonb_set(
					    analysis || jsonb_build_object('textBody', NULL, 'to', '[]'::jsonb, 'forwardedBy', NULL,
					                                   'warnings', '[]'::jsonb),
					    '{triage,evidence}', '[]'::jsonb, false)
					WHERE sha256 = ANY(?)""").param(purged.toArray(String[]::new)).update();
			this.events.publishEvent(new RawMailsPurged(purged));
		}
		for (String sha256 : purged) {
			this.jdbc.sql("SELECT DISTINCT incident_id FROM mail_evidence_use WHERE sha256 = ?")
				.param(sha256)
				.query(Long.class)
				.list()
				.forEach(incidentId -> this.auditLog.recordAs(AuditLog.SYSTEM, AuditEntry.change("MAIL_PURGED",
						Incidents.TARGET, incidentId, "mail", "SHA-256 " + sha256.substring(0, 12) + "…", null)));
		}
		return purged.size();
	}

}
