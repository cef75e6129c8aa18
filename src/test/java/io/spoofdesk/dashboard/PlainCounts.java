package io.spoofdesk.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's figures counted the plain way, straight from the tables: the oracles
 * the summary-backed queries of {@link DashboardQueries} must equal.
 */
class PlainCounts {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	PlainCounts(JdbcClient jdbc, ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/** The plain count that {@link DashboardQueries#perWeek} must equal. */
	List<Dashboard.Week> perWeek(LocalDate firstMonday, int weeks) {
		Map<LocalDate, Long> counted = new HashMap<>();
		this.jdbc.sql("""
				SELECT date_trunc('week', reported_at AT TIME ZONE ?)::date AS week, count(*) FROM incident
				WHERE reported_at >= ? AND reported_at < ? GROUP BY week""")
			.params(this.zone.getId(), Timestamp.from(firstMonday.atStartOfDay(this.zone).toInstant()),
					Timestamp.from(firstMonday.plusWeeks(weeks).atStartOfDay(this.zone).toInstant()))
			.query((rs, n) -> counted.put(rs.getDate(1).toLocalDate(), rs.getLong(2)))
			.list();
		List<Dashboard.Week> result = new ArrayList<>();
		for (int i = 0; i < weeks; i++) {
			LocalDate start = firstMonday.plusWeeks(i);
			result.add(new Dashboard.Week(start, counted.getOrDefault(start, 0L)));
		}
		return result;
	}

	/** The plain count that {@link DashboardQueries#overdueByPerson} must equal. */
	List<Dashboard.Count> overdueByPerson(Instant now) {
		return this.jdbc.sql("""
				SELECT coalesce(assignee, ''), count(*) FROM checklist_step
				WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NOT dormant AND due_at < ?
				GROUP BY assignee ORDER BY count(*) DESC, 1 LIMIT 20""")
			.param(Timestamp.from(now))
			.query(Dashboard.Count::of)
			.list();
	}

	/** The plain count that {@link DashboardQueries#impersonated} must equal. */
	List<Dashboard.Count> impersonated(Instant since) {
		return this.jdbc.sql("""
				SELECT address, count(*) FROM incident, unnest(impersonated_addresses) AS address
				WHERE reported_at >= ? GROUP BY address ORDER BY count(*) DESC, address LIMIT 10""")
			.param(Timestamp.from(since))
			.query(Dashboard.Count::of)
			.list();
	}

}
