package io.spoofdesk.checklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open steps across incidents: one person's tasks by due time, and every overdue step by
 * person. Steps of closed incidents and of swapped-out checklists are not tasks
 * (dormant); both lists read the partial indexes on open steps only.
 */
@Service
public class Tasks {

	static final int LIMIT = 500;

	/**
	 * Open, live steps (alias {@code s}): what task lists, reminders and overdue counts
	 * read.
	 */
	static final String OPEN = "checklist_step_is_open(s.status, s.dormant)";

	private final JdbcClient jdbc;

	private final Clock clock;

	Tasks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A user's open steps, earliest due first (no due time last). */
	@Transactional(readOnly = true)
	public List<TaskLine> of(String username) {
		Instant now = Instant.now(this.clock);
		return this.jdbc.sql("""
				SELECT s.id, s.incident_id, i.reference, i.title AS incident_title, s.title, s.status, s.required,
				       s.assignee, s.default_role, s.due_at
				FROM checklist_step s JOIN incident i ON i.id = s.incident_id
				WHERE s.assignee = ? AND %s
				ORDER BY s.due_at NULLS LAST, s.id LIMIT %d""".formatted(OPEN, LIMIT))
			.param(username)
			.query((rs, n) -> line(rs, now))
			.list();
	}

	/**
	 * What the home page counts for a user: their open steps, the open steps nobody has
	 * taken whose default role is one of theirs, and (for managers) every overdue step.
	 */
	@Transactional(readOnly = true)
	public Counts countsFor(String username, Collection<String> roles) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE s.assignee = ?) AS mine,
				       count(*) FILTER (WHERE s.assignee IS NULL AND s.default_role = ANY (?)) AS untaken,
				       count(*) FILTER (WHERE s.due_at < ?) AS overdue
				FROM checklist_step s WHERE %s""".formatted(OPEN))
			.params(username, roles.toArray(String[]::new), Timestamp.from(Instant.now(this.clock)))
			.query((rs, n) -> new Counts(rs.getInt("mine"), rs.getInt("untaken"), rs.getInt("overdue")))
			.single();
	}

	/** Open steps: the user's own, untaken ones for their roles, overdue ones. */
	public record Counts(int mine, int untaken, int overdue) {

	}

	/**
	 * Every overdue open step, grouped by assignee ("" for unassigned ones), oldest
	 * first.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<TaskLine>> overdueByPerson() {
		Instant now = Instant.now(this.clock);
		List<TaskLine> lines = this.jdbc.sql("""
				SELECT s.id, s.incident_id, i.reference, i.title AS incident_title, s.title, s.status, s.required,
				       s.assignee, s.default_role, s.due_at
				FROM checklist_step s JOIN incident i ON i.id = s.incident_id
				WHERE s.due_at < ? AND %s
				ORDER BY s.due_at, s.id LIMIT %d""".formatted(OPEN, LIMIT * 4))
			.param(Timestamp.from(now))
			.query((rs, n) -> line(rs, now))
			.list();
		Map<String, List<TaskLine>> byPerson = new LinkedHashMap<>();
		lines.stream()
			.sorted(Comparator.comparing((TaskLine line) -> (line.assignee() != null) ? line.assignee() : "")
				.thenComparing(TaskLine::dueAt))
			.forEach(line -> byPerson
				.computeIfAbsent((line.assignee() != null) ? line.assignee() : "", key -> new ArrayList<>())
				.add(line));
		return byPerson;
	}

	private static TaskLine line(ResultSet rs, Instant now) throws SQLException {
		Timestamp due = rs.getTimestamp("due_at");
		Instant dueAt = (due != null) ? due.toInstant() : null;
		return new TaskLine(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("reference"),
				rs.getString("incident_title"), rs.getString("title"), StepStatus.valueOf(rs.getString("status")),
				rs.getBoolean("required"), rs.getString("assignee"), rs.getString("default_role"), dueAt,
				dueAt != null && dueAt.isBefore(now));
	}

}
