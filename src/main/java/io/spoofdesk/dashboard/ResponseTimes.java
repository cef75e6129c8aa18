package io.spoofdesk.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.spoofdesk.shared.CompanyTimeZone;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Median and 90th percentile of the times to triage, contain and close, per month of
 * report, from each incident's milestones as the incident module defines them (SQL
 * {@code incident_milestones}, V29). The plain query reads every incident of the month
 * and its status changes (about 40,000 incidents a month at a million over two years);
 * the dashboard reads each month from {@code dashboard_month_times} instead and
 * recomputes only the months that a write marked dirty (V14 explains the marking and the
 * lock that keeps it exact).
 */
@Component
class ResponseTimes {

	private static final String PLAIN = """
			WITH reached AS (
			  SELECT to_char(i.reported_at AT TIME ZONE :zone, 'YYYY-MM') AS month, i.reported_at,
			         m.triaged_at, m.contained_at, m.closed_at
			  FROM incident i CROSS JOIN LATERAL incident_milestones(i.id, i.status) AS m
			  WHERE i.reported_at >= :from AND i.reported_at < :to
			), spans AS (
			  SELECT month,
			         extract(epoch FROM triaged_at - reported_at) / 3600 AS triage,
			         extract(epoch FROM contained_at - reported_at) / 3600 AS contain,
			         extract(epoch FROM closed_at - reported_at) / 3600 AS close
			  FROM reached
			)
			SELECT month, count(*) AS reported,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY triage) AS triage_median,
			       percentile_cont(0.9) WITHIN GROUP (ORDER BY triage) AS triage_p90,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY contain) AS contain_median,
			       percentile_cont(0.9) WITHIN GROUP (ORDER BY contain) AS contain_p90,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY close) AS close_median,
			       percentile_cont(0.9) WITHIN GROUP (ORDER BY close) AS close_p90
			FROM spans GROUP BY month""";

	private final JdbcClient jdbc;

	private final CompanyTimeZone timeZone;

	private final TransactionTemplate transactions;

	ResponseTimes(JdbcClient jdbc, CompanyTimeZone timeZone, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.timeZone = timeZone;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The months from first to last, from the kept rows, recomputing dirty ones. */
	List<Dashboard.MonthTimes> months(YearMonth first, YearMonth last) {
		String zone = this.timeZone.zoneId().getId();
		Map<YearMonth, Dashboard.MonthTimes> kept = new HashMap<>();
		this.jdbc.sql("""
				SELECT * FROM dashboard_month_times WHERE month >= ? AND month <= ? AND NOT dirty AND zone = ?""")
			.params(first.toString(), last.toString(), zone)
			.query((rs, n) -> kept.put(YearMonth.parse(rs.getString("month")), times(rs)))
			.list();
		List<Dashboard.MonthTimes> result = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			Dashboard.MonthTimes times = kept.get(month);
			result.add((times != null) ? times : refresh(month, zone));
		}
		return result;
	}

	/**
	 * Recomputes one month under its row lock: writes committed before the lock are seen,
	 * later ones wait for it and mark the month dirty again.
	 */
	private Dashboard.MonthTimes refresh(YearMonth month, String zone) {
		return this.transactions.execute((status) -> {
			this.jdbc.sql("INSERT INTO dashboard_month_times (month, dirty) VALUES (?, true) ON CONFLICT DO NOTHING")
				.param(month.toString())
				.update();
			Dashboard.MonthTimes current = this.jdbc
				.sql("SELECT * FROM dashboard_month_times WHERE month = ? FOR UPDATE")
				.param(month.toString())
				.query((rs, n) -> (!rs.getBoolean("dirty") && zone.equals(rs.getString("zone"))) ? times(rs) : null)
				.optional()
				.orElse(null);
			if (current != null) {
				return current;
			}
			Dashboard.MonthTimes computed = plain(month, month).get(0);
			this.jdbc.sql("""
					UPDATE dashboard_month_times SET dirty = false, zone = ?, reported = ?, triage_median = ?,
					  triage_p90 = ?, contain_median = ?, contain_p90 = ?, close_median = ?, close_p90 = ?
					WHERE month = ?""")
				.params(zone, computed.reported(), computed.triageMedian(), computed.triageP90(),
						computed.containMedian(), computed.containP90(), computed.closeMedian(), computed.closeP90(),
						month.toString())
				.update();
			return computed;
		});
	}

	/**
	 * The months from first to last by the plain query over incidents and status changes.
	 */
	List<Dashboard.MonthTimes> plain(YearMonth first, YearMonth last) {
		ZoneId zone = this.timeZone.zoneId();
		Map<YearMonth, Dashboard.MonthTimes> byMonth = new HashMap<>();
		this.jdbc.sql(PLAIN)
			.param("zone", zone.getId())
			.param("from", Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> byMonth.put(YearMonth.parse(rs.getString("month")), times(rs)))
			.list();
		List<Dashboard.MonthTimes> result = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			result.add(byMonth.getOrDefault(month,
					new Dashboard.MonthTimes(month, 0, null, null, null, null, null, null)));
		}
		return result;
	}

	private static Dashboard.MonthTimes times(ResultSet rs) throws SQLException {
		return new Dashboard.MonthTimes(YearMonth.parse(rs.getString("month")), rs.getLong("reported"),
				hours(rs, "triage_median"), hours(rs, "triage_p90"), hours(rs, "contain_median"),
				hours(rs, "contain_p90"), hours(rs, "close_median"), hours(rs, "close_p90"));
	}

	/** Hours to one decimal; null where no incident of the month got there. */
	private static Double hours(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
	}

}
