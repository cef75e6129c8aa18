package io.spoofdesk.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.spoofdesk.shared.CompanyTimeZone;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

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

	private final ResponseTimes responseTimes;

	DashboardQueries(JdbcClient jdbc, CompanyTimeZone timeZone, Clock clock, ResponseTimes responseTimes) {
		this.jdbc = jdbc;
		this.responseTimes = responseTimes;
		this.timeZone = timeZone;
		this.clock = clock;
	}

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
				this.responseTimes.months(thisMonth.minusMonths(5), thisMonth),
				drafts("status IN ('SENT', 'MARKED_SENT')"),
				drafts("status NOT IN ('SENT', 'MARKED_SENT', 'CANCELLED')"), impersonated(thirtyDaysAgo),
				senderDomains(thirtyDaysAgo, now), attachmentTypes(thirtyDaysAgo, now));
	}

	/** The sender domains of the mails added from one moment to another, by incidents. */
	List<Dashboard.Count> senderDomains(Instant from, Instant to) {
		return top("""
				SELECT lower(split_part(from_address, '@', 2)) AS domain, count(DISTINCT incident_id)
				FROM incident_mail WHERE added_at >= ? AND added_at < ? AND from_address LIKE '%@%'
				GROUP BY domain ORDER BY count(DISTINCT incident_id) DESC, domain LIMIT 10""", from, to);
	}

	/**
	 * The attachment types (file name extensions) of the mails added from one moment to
	 * another.
	 */
	List<Dashboard.Count> attachmentTypes(Instant from, Instant to) {
		return top("""
				SELECT lower(substring(a ->> 'filename' from '\\.([A-Za-z0-9]{1,10})$')) AS type, count(*)
				FROM incident_mail, jsonb_array_elements(analysis -> 'attachments') AS a
				WHERE added_at >= ? AND added_at < ? AND a ->> 'filename' ~ '\\.[A-Za-z0-9]{1,10}$'
				GROUP BY type ORDER BY count(*) DESC, type LIMIT 10""", from, to);
	}

	/**
	 * Warning drafts in some statuses, from the summary (V14
	 * {@code warning_draft_status_count}).
	 */
	long drafts(String statuses) {
		return this.jdbc.sql("SELECT coalesce(sum(count), 0)::bigint FROM warning_draft_status_count WHERE " + statuses)
			.query(Long.class)
			.single();
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

	/**
	 * Open, live steps due before now, per assignee: the whole days before today from the
	 * summary (V14 {@code open_step_due_day}), today's part from the steps themselves.
	 */
	List<Dashboard.Count> overdueByPerson(Instant now) {
		Instant today = now.truncatedTo(ChronoUnit.DAYS);
		return this.jdbc.sql("""
				SELECT assignee, sum(count)::bigint FROM (
				  SELECT assignee, count FROM open_step_due_day WHERE due_day < ?
				  UNION ALL
				  SELECT coalesce(assignee, ''), 1 FROM checklist_step
				  WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NOT dormant AND due_at >= ? AND due_at < ?
				) AS due GROUP BY assignee HAVING sum(count) > 0 ORDER BY 2 DESC, 1 LIMIT 20""")
			.params(LocalDate.ofInstant(today, ZoneOffset.UTC), Timestamp.from(today), Timestamp.from(now))
			.query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** The plain count that {@link #overdueByPerson} must equal. */
	List<Dashboard.Count> overdueByPersonPlain(Instant now) {
		return this.jdbc.sql("""
				SELECT coalesce(assignee, ''), count(*) FROM checklist_step
				WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NOT dormant AND due_at < ?
				GROUP BY assignee ORDER BY count(*) DESC, 1 LIMIT 20""")
			.param(Timestamp.from(now))
			.query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/**
	 * Incidents naming each of our addresses since a moment: the whole days after its day
	 * from the summary (V14 {@code impersonation_day}), the rest of its day from
	 * {@code incident_impersonation}.
	 */
	List<Dashboard.Count> impersonated(Instant since) {
		Instant nextDay = since.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
		return this.jdbc.sql("""
				SELECT address, sum(count)::bigint FROM (
				  SELECT address, count FROM impersonation_day WHERE day >= ?
				  UNION ALL
				  SELECT address, 1 FROM incident_impersonation WHERE reported_at >= ? AND reported_at < ?
				) AS named GROUP BY address HAVING sum(count) > 0 ORDER BY 2 DESC, 1 LIMIT 10""")
			.params(LocalDate.ofInstant(nextDay, ZoneOffset.UTC), Timestamp.from(since), Timestamp.from(nextDay))
			.query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** The plain count that {@link #impersonated} must equal. */
	List<Dashboard.Count> impersonatedPlain(Instant since) {
		return top("""
				SELECT address, count(*) FROM incident, unnest(impersonated_addresses) AS address
				WHERE reported_at >= ? GROUP BY address ORDER BY count(*) DESC, address LIMIT 10""", since);
	}

	private List<Dashboard.Count> counts(String sql) {
		return this.jdbc.sql(sql).query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getLong(2))).list();
	}

	private List<Dashboard.Count> top(String sql, Instant... range) {
		return this.jdbc.sql(sql)
			.params(Arrays.stream(range).map(Timestamp::from).toList())
			.query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getLong(2)))
			.list();
	}

}
