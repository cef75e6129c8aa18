package io.spoofdesk.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Related incidents: those linked by hand (one campaign reported by several partners),
 * and likely duplicates, which name an impersonated address of this case within 14 days
 * of it.
 */
@Component
class IncidentRelations {

	static final Duration DUPLICATE_WINDOW = Duration.ofDays(14);

	/** The columns of an {@link IncidentRow}, ending with the FROM clause. */
	static final String ROW = """
			SELECT i.id, i.reference, i.title, i.status, i.severity, i.assignee, i.partner_id, p.name AS partner_name,
			       i.reported_at
			FROM incident i LEFT JOIN partner p ON p.id = i.partner_id
			""";

	private final JdbcClient jdbc;

	IncidentRelations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<IncidentRow> linked(long id) {
		return this.jdbc.sql(ROW + """
				WHERE i.id IN (SELECT related_id FROM incident_link WHERE incident_id = :id
				               UNION SELECT incident_id FROM incident_link WHERE related_id = :id)
				ORDER BY i.reported_at DESC""").param("id", id).query(IncidentRelations::row).list();
	}

	/**
	 * Up to ten other, not yet linked incidents that name one of the same impersonated
	 * addresses within {@link #DUPLICATE_WINDOW}, newest first. Only the 50 newest
	 * candidates are looked at: during a large campaign hundreds share an address, and
	 * fetching every one of them made this the slowest query of the incident page.
	 */
	List<IncidentRow> likelyDuplicates(IncidentView incident) {
		if (incident.impersonatedAddresses().isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(ROW + """
				WHERE i.id IN (SELECT m.incident_id FROM incident_impersonation m
				               WHERE m.address = ANY (CAST(:addresses AS text[]))
				                 AND m.reported_at BETWEEN :from AND :to
				               ORDER BY m.reported_at DESC LIMIT 50)
				  AND i.id <> :id
				  AND i.id NOT IN (SELECT related_id FROM incident_link WHERE incident_id = :id
				                   UNION SELECT incident_id FROM incident_link WHERE related_id = :id)
				ORDER BY i.reported_at DESC LIMIT 10""")
			.param("id", incident.id())
			.param("addresses", incident.impersonatedAddresses().toArray(String[]::new))
			.param("from", Timestamp.from(incident.reportedAt().minus(DUPLICATE_WINDOW)))
			.param("to", Timestamp.from(incident.reportedAt().plus(DUPLICATE_WINDOW)))
			.query(IncidentRelations::row)
			.list();
	}

	/**
	 * The open incident reported since {@code since} that names this address of ours as
	 * impersonated, the newest.
	 */
	Optional<Long> openNaming(String address, Instant since) {
		return this.jdbc.sql("""
				SELECT m.incident_id FROM incident_impersonation m JOIN incident i ON i.id = m.incident_id
				WHERE m.address = ? AND m.reported_at >= ? AND incident_is_open(i.status)
				ORDER BY m.reported_at DESC, m.incident_id DESC LIMIT 1""")
			.params(address.toLowerCase(Locale.ROOT), Timestamp.from(since))
			.query(Long.class)
			.optional();
	}

	/** Keeps the address index of an incident in step with the incident. */
	void indexAddresses(long id, List<String> addresses, Instant reportedAt) {
		this.jdbc.sql("DELETE FROM incident_impersonation WHERE incident_id = ?").param(id).update();
		for (String address : addresses) {
			this.jdbc.sql("INSERT INTO incident_impersonation (address, reported_at, incident_id) VALUES (?, ?, ?)")
				.params(address, Timestamp.from(reportedAt), id)
				.update();
		}
	}

	/** Links two incidents; answers false when they already were. */
	boolean link(long one, long other) {
		return this.jdbc.sql("""
				INSERT INTO incident_link (incident_id, related_id) VALUES (?, ?) ON CONFLICT DO NOTHING""")
			.params(Math.min(one, other), Math.max(one, other))
			.update() > 0;
	}

	static IncidentRow row(ResultSet rs, int rowNum) throws SQLException {
		return new IncidentRow(rs.getLong("id"), rs.getString("reference"), rs.getString("title"),
				IncidentStatus.valueOf(rs.getString("status")), Severity.valueOf(rs.getString("severity")),
				rs.getString("assignee"), (Long) rs.getObject("partner_id"), rs.getString("partner_name"),
				rs.getTimestamp("reported_at").toInstant());
	}

}
