package io.spoofdesk.checklist;

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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the content of evidence files (scan logs, screenshots: personal data under
 * Japan's APPI) of incidents closed, or marked a false positive, for longer than the mail
 * retention period; their names and hashes stay on the step for the record. Audited per
 * incident. Runs with the mail retention purge.
 */
@Component
class EvidenceRetention {

	private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Duration retention;

	private final Clock clock;

	EvidenceRetention(JdbcClient jdbc, AuditLog auditLog, @Value("${spoofdesk.mail.retention:365d}") Duration retention,
			Clock clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.retention = retention;
		this.clock = clock;
	}

	@Scheduled(cron = "${spoofdesk.mail.retention-cron:0 17 3 * * *}")
	void scheduled() {
		int purged = purge();
		if (purged > 0) {
			log.info("Evidence retention: {} evidence file(s) purged", purged);
		}
	}

	/** Purges what is due now; returns how many files were emptied. */
	@Transactional
	int purge() {
		Instant now = this.clock.instant();
		List<Purged> purged = this.jdbc.sql("""
				UPDATE step_evidence e SET content = NULL, purged_at = ?
				WHERE e.content IS NOT NULL AND incident_ended_at(e.incident_id) < ?
				RETURNING e.incident_id, e.file_name, e.sha256""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(this.retention)))
			.query((rs, n) -> new Purged(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		for (Purged file : purged) {
			this.auditLog.recordAs(AuditLog.SYSTEM,
					AuditEntry.change("EVIDENCE_PURGED", Incidents.TARGET, file.incidentId(), "evidence",
							file.fileName() + " (" + file.sha256().substring(0, 12) + "…)", null));
		}
		return purged.size();
	}

	private record Purged(long incidentId, String fileName, String sha256) {

	}

}
