package io.spoofdesk.dashboard;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads one incident's report in one read-only transaction, with plain SQL over the
 * incident, checklist, mail and warning tables (the dashboard module's read model).
 */
@Service
public class IncidentReports {

	private final JdbcClient jdbc;

	IncidentReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<IncidentReport> of(long incidentId) {
		return summary(incidentId).map((summary) -> new IncidentReport(summary, milestones(incidentId, summary),
				timeline(incidentId), checklistName(incidentId), steps(incidentId), mails(incidentId),
				indicators(incidentId), warnings(incidentId)));
	}

	private Optional<IncidentReport.Summary> summary(long id) {
		return this.jdbc.sql("""
				SELECT i.id, i.reference, i.title, i.status, i.severity, i.channel, p.name AS partner,
				       c.name AS contact, i.reported_at, i.mail_received_at, i.impersonated_addresses, i.summary,
				       i.assignee, i.created_by
				FROM incident i LEFT JOIN partner p ON p.id = i.partner_id
				LEFT JOIN partner_contact c ON c.id = i.contact_id
				WHERE i.id = ?""")
			.param(id)
			.query((rs, n) -> new IncidentReport.Summary(rs.getLong("id"), rs.getString("reference"),
					rs.getString("title"), rs.getString("status"), rs.getString("severity"), rs.getString("channel"),
					rs.getString("partner"), rs.getString("contact"), instant(rs, "reported_at"),
					instant(rs, "mail_received_at"), strings(rs.getArray("impersonated_addresses")),
					rs.getString("summary"), rs.getString("assignee"), rs.getString("created_by")))
			.optional();
	}

	private IncidentReport.Milestones milestones(long id, IncidentReport.Summary summary) {
		return this.jdbc.sql("""
				SELECT triaged_at, contained_at, closed_at FROM incident_milestones(?, ?)""")
			.params(id, summary.status())
			.query((rs, n) -> new IncidentReport.Milestones(summary.reportedAt(), instant(rs, "triaged_at"),
					instant(rs, "contained_at"), instant(rs, "closed_at")))
			.single();
	}

	/**
	 * Status changes, notes, mails attached, steps finished and warning mails sent, by
	 * time.
	 */
	private List<IncidentReport.Event> timeline(long id) {
		List<IncidentReport.Event> events = new ArrayList<>(this.jdbc.sql("""
				SELECT changed_at AS at, changed_by AS who, 'STATUS' AS kind, to_status AS text, reason AS detail
				FROM incident_status_change WHERE incident_id = :id
				UNION ALL
				SELECT created_at, author, 'NOTE', body, NULL FROM incident_note WHERE incident_id = :id
				UNION ALL
				SELECT added_at, added_by, 'MAIL', coalesce(subject, file_name, ''), from_address FROM incident_mail
				WHERE incident_id = :id
				UNION ALL
				SELECT s.completed_at, s.completed_by, 'STEP_' || s.status, s.title, coalesce(s.reason, s.result_note)
				FROM checklist_step s JOIN checklist c ON c.id = s.checklist_id AND c.active
				WHERE s.incident_id = :id AND s.completed_at IS NOT NULL
				UNION ALL
				SELECT sent_at, coalesce(sent_by, ''), 'WARNING_SENT', recipient_label, to_address
				FROM warning_draft WHERE incident_id = :id AND sent_at IS NOT NULL""")
			.param("id", id)
			.query((rs, n) -> new IncidentReport.Event(instant(rs, "at"), rs.getString("who"), rs.getString("kind"),
					rs.getString("text"), rs.getString("detail")))
			.list());
		events.sort(Comparator.comparing(IncidentReport.Event::at));
		return events;
	}

	private String checklistName(long id) {
		return this.jdbc.sql("SELECT name FROM checklist WHERE incident_id = ? AND active")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private List<IncidentReport.Step> steps(long id) {
		Map<Long, List<String>> evidence = new LinkedHashMap<>();
		this.jdbc.sql("SELECT step_id, file_name FROM step_evidence WHERE incident_id = ? ORDER BY id")
			.param(id)
			.query((rs, n) -> evidence.computeIfAbsent(rs.getLong(1), (step) -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return this.jdbc.sql("""
				SELECT s.id, s.position, s.phase, s.title, s.status, s.required, s.assignee, s.completed_by,
				       s.completed_at, s.result_note, s.reason
				FROM checklist_step s JOIN checklist c ON c.id = s.checklist_id AND c.active
				WHERE s.incident_id = ? ORDER BY s.position, s.id""")
			.param(id)
			.query((rs, n) -> new IncidentReport.Step(rs.getInt("position"), rs.getString("phase"),
					rs.getString("title"), rs.getString("status"), rs.getBoolean("required"), rs.getString("assignee"),
					rs.getString("completed_by"), instant(rs, "completed_at"), rs.getString("result_note"),
					rs.getString("reason"), evidence.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private List<IncidentReport.Mail> mails(long id) {
		return this.jdbc.sql("""
				SELECT file_name, from_address, subject, arrived_at, verdict FROM incident_mail
				WHERE incident_id = ? ORDER BY added_at, id""")
			.param(id)
			.query((rs, n) -> new IncidentReport.Mail(rs.getString("file_name"), rs.getString("from_address"),
					rs.getString("subject"), instant(rs, "arrived_at"), rs.getString("verdict")))
			.list();
	}

	private List<IncidentReport.Indicator> indicators(long id) {
		return this.jdbc.sql("""
				SELECT kind, value, bool_or(verified) AS verified FROM mail_ioc WHERE incident_id = ?
				GROUP BY kind, value ORDER BY kind, value""")
			.param(id)
			.query((rs, n) -> new IncidentReport.Indicator(rs.getString("kind"), rs.getString("value"),
					rs.getBoolean("verified")))
			.list();
	}

	private List<IncidentReport.Warning> warnings(long id) {
		return this.jdbc.sql("""
				SELECT recipient_label, to_address, status, sent_at FROM warning_draft
				WHERE incident_id = ? AND status <> 'CANCELLED' ORDER BY recipient_label, id""")
			.param(id)
			.query((rs, n) -> new IncidentReport.Warning(rs.getString("recipient_label"), rs.getString("to_address"),
					rs.getString("status"), instant(rs, "sent_at")))
			.list();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
