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
import java.util.List;

import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.warningmail.WarningQueries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures, each one plain SQL with DESIGN.md's definitions, asked of the
 * functions their modules own (V29: an open incident, an open step, a warned partner, an
 * incident's milestones) and of the summaries the writes keep (V13-V15); weeks start on
 * Monday and months are calendar months, both in the company's time zone.
 */
@Service
public class DashboardQueries {

	static final String SENDER_DOMAIN = "SENDER_DOMAIN";

	static final String ATTACHMENT_TYPE = "ATTACHMENT_TYPE";

	private final JdbcClient jdbc;

	private final CompanyTimeZone timeZone;

	private final Clock clock;

	private final ResponseTimes responseTimes;

	/**
	 * Warning mails sent and still to send, counted as the list behind the figures
	 * ({@code /warnings}) counts them.
	 */
	private final WarningQueries warningMails;

	DashboardQueries(JdbcClient jdbc, CompanyTimeZone timeZone, Clock clock, ResponseTimes responseTimes,
			WarningQueries warningMails) {
		this.jdbc = jdbc;
		this.warningMails = warningMails;
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
				HAVING sum(count) > 0 ORDER BY severity"""), reportedSince(weekStart.atStartOfDay(zone).toInstant()),
				weekStart, overdueByPerson(now), perWeek(weekStart.minusWeeks(11), 12),
				this.responseTimes.months(thisMonth.minusMonths(5), thisMonth), this.warningMails.countAcross(true),
				this.warningMails.countAcross(false), impersonated(thirtyDaysAgo),
				mailFeatures(SENDER_DOMAIN, thirtyDaysAgo), mailFeatures(ATTACHMENT_TYPE, thirtyDaysAgo));
	}

	/**
	 * The ten most frequent sender domains ({@link #SENDER_DOMAIN}) or attachment types
	 * ({@link #ATTACHMENT_TYPE}) of the mails added since a moment, counted by mail (by
	 * attachment): the whole days after its day from the summary (V15
	 * {@code mail_feature_day}), the rest of its day from the mails themselves.
	 */
	List<Dashboard.Count> mailFeatures(String feature, Instant since) {
		Instant nextDay = since.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
		return this.jdbc.sql("""
				SELECT value, sum(count)::bigint FROM (
				  SELECT value, count FROM mail_feature_day WHERE feature = :feature AND day >= :nextDay
				  UNION ALL
				  SELECT f.value, 1 FROM incident_mail m, mail_features(m.from_address, m.analysis) AS f
				  WHERE m.added_at >= :since AND m.added_at < :nextDayStart AND f.feature = :feature
				) AS counted GROUP BY value HAVING sum(count) > 0 ORDER BY 2 DESC, 1 LIMIT 10""")
			.param("feature", feature)
			.param("nextDay", LocalDate.ofInstant(nextDay, ZoneOffset.UTC))
			.param("since", Timestamp.from(since))
			.param("nextDayStart", Timestamp.from(nextDay))
			.query(Dashboard.Count::of)
			.list();
	}

	/**
	 * The same from the mails added from one moment to another, by the plain query (the
	 * period report, and the test of the summary).
	 */
	List<Dashboard.Count> mailFeaturesBetween(String feature, Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT f.value, count(*) FROM incident_mail m, mail_features(m.from_address, m.analysis) AS f
				WHERE m.added_at >= ? AND m.added_at < ? AND f.feature = ?
				GROUP BY f.value ORDER BY 2 DESC, 1 LIMIT 10""")
			.params(Timestamp.from(from), Timestamp.from(to), feature)
			.query(Dashboard.Count::of)
			.list();
	}

	/**
	 * Incidents reported since a moment on a quarter hour, from the summary (V15
	 * {@code incident_report_slot}).
	 */
	long reportedSince(Instant since) {
		return this.jdbc.sql("SELECT coalesce(sum(count), 0)::bigint FROM incident_report_slot WHERE slot >= ?")
			.param(Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/**
	 * Incidents per week from a Monday on, weeks without incidents included: one range
	 * sum of the quarter-hour slots per week (V15 {@code incident_report_slot}, read from
	 * its covering index); a week in any time zone starts on a quarter hour.
	 */
	List<Dashboard.Week> perWeek(LocalDate firstMonday, int weeks) {
		ZoneId zone = this.timeZone.zoneId();
		List<Object> params = new ArrayList<>();
		StringBuilder ranges = new StringBuilder();
		for (int i = 0; i < weeks; i++) {
			ranges.append((i > 0) ? ", " : "").append("(?, ?::timestamptz, ?::timestamptz)");
			params.add(i);
			params.add(Timestamp.from(firstMonday.plusWeeks(i).atStartOfDay(zone).toInstant()));
			params.add(Timestamp.from(firstMonday.plusWeeks(i + 1).atStartOfDay(zone).toInstant()));
		}
		long[] counts = new long[weeks];
		this.jdbc
			.sql("SELECT w.i, (SELECT coalesce(sum(count), 0)::bigint FROM incident_report_slot "
					+ "WHERE slot >= w.starts AND slot < w.ends) FROM (VALUES " + ranges + ") AS w(i, starts, ends)")
			.params(params)
			.query((rs, n) -> counts[rs.getInt(1)] = rs.getLong(2))
			.list();
		List<Dashboard.Week> result = new ArrayList<>();
		for (int i = 0; i < weeks; i++) {
			result.add(new Dashboard.Week(firstMonday.plusWeeks(i), counts[i]));
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
				  WHERE checklist_step_is_open(status, dormant) AND due_at >= ? AND due_at < ?
				) AS due GROUP BY assignee HAVING sum(count) > 0 ORDER BY 2 DESC, 1 LIMIT 20""")
			.params(LocalDate.ofInstant(today, ZoneOffset.UTC), Timestamp.from(today), Timestamp.from(now))
			.query(Dashboard.Count::of)
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
			.query(Dashboard.Count::of)
			.list();
	}

	private List<Dashboard.Count> counts(String sql) {
		return this.jdbc.sql(sql).query(Dashboard.Count::of).list();
	}

}
