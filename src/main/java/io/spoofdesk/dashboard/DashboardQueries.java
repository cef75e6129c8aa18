package io.spoofdesk.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.spoofdesk.shared.CompanyTimeZone;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures, each one plain SQL with DESIGN.md's definitions: open means
 * not CLOSED or FALSE_POSITIVE; time to triage is report to the first TRIAGED; time to
 * contain is report to the first CONTAINED, or to the first RECOVERED when CONTAINED was
 * skipped; time to close is report to the last CLOSED, for incidents closed now (a
 * reopened one is not closed); weeks start on Monday and months are calendar months, both
 * in the company's time zone.
 */
@Service
public class DashboardQueries {

	static final String OPEN = "status NOT IN ('CLOSED', 'FALSE_POSITIVE')";

	private final JdbcClient jdbc;

	private final CompanyTimeZone timeZone;

	private final Clock clock;

	DashboardQueries(JdbcClient jdbc, CompanyTimeZone timeZone, Clock clock) {
		this.jdbc = jdbc;
		this.timeZone = timeZone;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Dashboard current() {
		ZoneId zone = this.timeZone.zoneId();
		Instant now = Instant.now(this.clock);
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Instant thirtyDaysAgo = now.minusSeconds(30L * 24 * 3600);
		YearMonth thisMonth = YearMonth.from(today);
		return new Dashboard(counts("""
				SELECT status, sum(count)::bigint FROM incident_open_count GROUP BY status HAVING sum(count) > 0
				ORDER BY status"""), counts("""
				SELECT severity, sum(count)::bigint FROM incident_open_count GROUP BY severity
				HAVING sum(count) > 0 ORDER BY severity"""),
				this.jdbc.sql("SELECT count(*) FROM incident WHERE reported_at >= ?")
					.param(Timestamp.from(weekStart.atStartOfDay(zone).toInstant()))
					.query(Long.class)
					.single(),
				weekStart, overdueByPerson(now), perWeek(weekStart.minusWeeks(11), 12),
				times(thisMonth.minusMonths(5), thisMonth),
				this.jdbc.sql("SELECT count(*) FROM warning_draft WHERE status IN ('SENT', 'MARKED_SENT')")
					.query(Long.class)
					.single(),
				this.jdbc
					.sql("SELECT count(*) FROM warning_draft WHERE status NOT IN ('SENT', 'MARKED_SENT', 'CANCELLED')")
					.query(Long.class)
					.single(),
				top("""
						SELECT address, count(*) FROM incident, unnest(impersonated_addresses) AS address
						WHERE reported_at >= ? GROUP BY address ORDER BY count(*) DESC, address LIMIT 10""",
						thirtyDaysAgo),
				top("""
						SELECT lower(split_part(from_address, '@', 2)) AS domain, count(DISTINCT incident_id)
						FROM incident_mail WHERE added_at >= ? AND from_address LIKE '%@%'
						GROUP BY domain ORDER BY count(DISTINCT incident_id) DESC, domain LIMIT 10""", thirtyDaysAgo),
				top("""
						SELECT lower(substring(a ->> 'filename' from '\\.([A-Za-z0-9]{1,10})$')) AS type, count(*)
						FROM incident_mail, jsonb_array_elements(analysis -> 'attachments') AS a
						WHERE added_at >= ? AND a ->> 'filename' ~ '\\.[A-Za-z0-9]{1,10}$'
						GROUP BY type ORDER BY count(*) DESC, type LIMIT 10""", thirtyDaysAgo));
	}

	/** Incidents per week from a Monday on, weeks without incidents included. */
	List<Dashboard.Week> perWeek(LocalDate firstMonday, int weeks) {
		ZoneId zone = this.timeZone.zoneId();
		Map<LocalDate, Long> counted = new HashMap<>();
		this.jdbc.sql("""
				SELECT date_trunc('week', reported_at AT TIME ZONE ?)::date AS week, count(*)
				FROM incident WHERE reported_at >= ? AND reported_at < ? GROUP BY week""")
			.params(zone.getId(), Timestamp.from(firstMonday.atStartOfDay(zone).toInstant()),
					Timestamp.from(firstMonday.plusWeeks(weeks).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> counted.put(rs.getDate(1).toLocalDate(), rs.getLong(2)))
			.list();
		List<Dashboard.Week> result = new ArrayList<>();
		for (int i = 0; i < weeks; i++) {
			LocalDate start = firstMonday.plusWeeks(i);
			result.add(new Dashboard.Week(start, counted.getOrDefault(start, 0L)));
		}
		return result;
	}

	/** Times to triage, contain and close of the incidents reported in each month. */
	List<Dashboard.MonthTimes> times(YearMonth first, YearMonth last) {
		ZoneId zone = this.timeZone.zoneId();
		Map<YearMonth, Dashboard.MonthTimes> byMonth = new HashMap<>();
		this.jdbc.sql("""
				WITH reached AS (
				  SELECT i.id, to_char(i.reported_at AT TIME ZONE :zone, 'YYYY-MM') AS month, i.reported_at,
				         min(c.changed_at) FILTER (WHERE c.to_status = 'TRIAGED') AS triaged,
				         min(c.changed_at) FILTER (WHERE c.to_status = 'CONTAINED') AS contained,
				         min(c.changed_at) FILTER (WHERE c.to_status = 'RECOVERED') AS recovered,
				         CASE WHEN i.status = 'CLOSED'
				              THEN max(c.changed_at) FILTER (WHERE c.to_status = 'CLOSED') END AS closed
				  FROM incident i LEFT JOIN incident_status_change c ON c.incident_id = i.id
				  WHERE i.reported_at >= :from AND i.reported_at < :to
				  GROUP BY i.id, i.reported_at, i.status
				), spans AS (
				  SELECT month,
				         extract(epoch FROM triaged - reported_at) / 3600 AS triage,
				         extract(epoch FROM coalesce(contained, recovered) - reported_at) / 3600 AS contain,
				         extract(epoch FROM closed - reported_at) / 3600 AS close
				  FROM reached
				)
				SELECT month, count(*) AS reported,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY triage) AS triage_median,
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY triage) AS triage_p90,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY contain) AS contain_median,
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY contain) AS contain_p90,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY close) AS close_median,
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY close) AS close_p90
				FROM spans GROUP BY month""")
			.param("zone", zone.getId())
			.param("from", Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> {
				YearMonth month = YearMonth.parse(rs.getString("month"));
				return byMonth.put(month,
						new Dashboard.MonthTimes(month, rs.getLong("reported"), number(rs, "triage_median"),
								number(rs, "triage_p90"), number(rs, "contain_median"), number(rs, "contain_p90"),
								number(rs, "close_median"), number(rs, "close_p90")));
			})
			.list();
		List<Dashboard.MonthTimes> result = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			result.add(byMonth.getOrDefault(month,
					new Dashboard.MonthTimes(month, 0, null, null, null, null, null, null)));
		}
		return result;
	}

	private List<Dashboard.Count> overdueByPerson(Instant now) {
		return this.jdbc.sql("""
				SELECT coalesce(assignee, ''), count(*) FROM checklist_step
				WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NOT dormant AND due_at < ?
				GROUP BY assignee ORDER BY count(*) DESC, 1 LIMIT 20""")
			.param(Timestamp.from(now))
			.query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getLong(2)))
			.list();
	}

	private List<Dashboard.Count> counts(String sql) {
		return this.jdbc.sql(sql).query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getLong(2))).list();
	}

	private List<Dashboard.Count> top(String sql, Instant since) {
		return this.jdbc.sql(sql)
			.param(Timestamp.from(since))
			.query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getLong(2)))
			.list();
	}

	private static Double number(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
	}

}
