package io.spoofdesk.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incidents and status changes written straight into the tables, at hand-picked times.
 */
public record IncidentFixtures(JdbcClient jdbc) {

	public long incident(Instant reportedAt, String status, String title) {
		Timestamp at = Timestamp.from(reportedAt);
		return this.jdbc.sql("""
				INSERT INTO incident (reference, title, channel, reported_at, severity, status, created_at, created_by,
				                      updated_at, updated_by)
				VALUES (?, ?, 'PHONE', ?, 'LOW', ?, ?, 'test', ?, 'test') RETURNING id""")
			.params("FIX-" + UUID.randomUUID(), title, at, status, at, at)
			.query(Long.class)
			.single();
	}

	public void reached(long incident, Instant reportedAt, String to, int afterHours) {
		this.jdbc.sql("""
				INSERT INTO incident_status_change (incident_id, to_status, changed_by, changed_at)
				VALUES (?, ?, 'test', ?)""")
			.params(incident, to, Timestamp.from(reportedAt.plus(Duration.ofHours(afterHours))))
			.update();
	}

}
