package io.spoofdesk.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.shared.ReadOnlyTransactions;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The period report: every figure counts the incidents reported in the period (company
 * time zone); mails and warning mails count by when they were added or sent.
 */
@Service
public class PeriodReports {

	/**
	 * Rows shown on the page and in the PDF; the CSV has every incident of the period.
	 */
	static final int PAGE_ROWS = 500;

	static final int STREAM_FETCH_SIZE = 1000;

	private static final String ROWS = """
			SELECT i.id, i.reference, i.title, p.name AS partner, i.channel, i.severity, i.status, i.assignee,
			       i.reported_at, m.triaged_at AS triaged, m.contained_at AS contained, m.closed_at AS closed
			FROM incident i LEFT JOIN partner p ON p.id = i.partner_id
			CROSS JOIN LATERAL incident_milestones(i.id, i.status) AS m
			WHERE i.reported_at >= ? AND i.reported_at < ?
			ORDER BY i.reported_at, i.id LIMIT ?""";

	private final JdbcClient jdbc;

	private final CompanyTimeZone timeZone;

	private final DashboardQueries dashboard;

	private final ResponseTimes responseTimes;

	/** Reads the CSV's rows a thousand at a time, not the whole period at once. */
	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	PeriodReports(JdbcClient jdbc, CompanyTimeZone timeZone, DashboardQueries dashboard, ResponseTimes responseTimes,
			DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.timeZone = timeZone;
		this.dashboard = dashboard;
		this.responseTimes = responseTimes;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(STREAM_FETCH_SIZE);
		this.readOnly = ReadOnlyTransactions.over(transactions);
	}

	public PeriodReport of(ReportPeriod period) {
		ZoneId zone = this.timeZone.zoneId();
		Instant start = period.start(zone);
		Instant end = period.end(zone);
		return new PeriodReport(period,
				this.jdbc.sql("SELECT count(*) FROM incident WHERE reported_at >= ? AND reported_at < ?")
					.params(Timestamp.from(start), Timestamp.from(end))
					.query(Long.class)
					.single(),
				grouped("status", start, end), grouped("severity", start, end), grouped("channel", start, end),
				this.responseTimes.months(period.firstMonth(), period.lastMonth()),
				this.jdbc.sql("""
						SELECT count(*) FROM warning_draft
						WHERE warning_draft_is_warned(status) AND sent_at >= ? AND sent_at < ?""")
					.params(Timestamp.from(start), Timestamp.from(end))
					.query(Long.class)
					.single(),
				counts("""
						SELECT address, count(*) FROM incident_impersonation
						WHERE reported_at >= ? AND reported_at < ?
						GROUP BY address ORDER BY count(*) DESC, address LIMIT 10""", start, end),
				this.dashboard.mailFeaturesBetween(DashboardQueries.SENDER_DOMAIN, start, end),
				this.dashboard.mailFeaturesBetween(DashboardQueries.ATTACHMENT_TYPE, start, end),
				rows(start, end, PAGE_ROWS));
	}

	/**
	 * Every incident of the period, oldest first, one at a time (for the CSV). PostgreSQL
	 * hands rows over in batches of {@value #STREAM_FETCH_SIZE} only inside a
	 * transaction, so the rows are read in one: memory stays flat for a quarter of
	 * 125,000 incidents.
	 */
	public void forEachIncident(ReportPeriod period, Consumer<PeriodReport.Row> consumer) {
		ZoneId zone = this.timeZone.zoneId();
		this.readOnly.executeWithoutResult(
				status -> this.streaming.query(ROWS, (RowCallbackHandler) rs -> consumer.accept(row(rs)),
						Timestamp.from(period.start(zone)), Timestamp.from(period.end(zone)), Integer.MAX_VALUE));
	}

	private List<PeriodReport.Row> rows(Instant start, Instant end, int limit) {
		return this.jdbc.sql(ROWS)
			.params(Timestamp.from(start), Timestamp.from(end), limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	private static PeriodReport.Row row(ResultSet rs) throws SQLException {
		return new PeriodReport.Row(rs.getLong("id"), rs.getString("reference"), rs.getString("title"),
				rs.getString("partner"), rs.getString("channel"), rs.getString("severity"), rs.getString("status"),
				rs.getString("assignee"), IncidentReports.instant(rs, "reported_at"),
				IncidentReports.instant(rs, "triaged"), IncidentReports.instant(rs, "contained"),
				IncidentReports.instant(rs, "closed"));
	}

	/**
	 * Incidents of the period per value of one column (a fixed name, never user input).
	 */
	private List<Dashboard.Count> grouped(String column, Instant start, Instant end) {
		return counts("SELECT " + column + ", count(*) FROM incident WHERE reported_at >= ? AND reported_at < ? "
				+ "GROUP BY 1 ORDER BY 1", start, end);
	}

	private List<Dashboard.Count> counts(String sql, Instant start, Instant end) {
		return this.jdbc.sql(sql).params(Timestamp.from(start), Timestamp.from(end)).query(Dashboard.Count::of).list();
	}

}
