package io.spoofdesk.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * The incidents reported in one month or quarter, with the dashboard's metrics for that
 * period. {@code incidents} holds at most {@link PeriodReports#PAGE_ROWS} rows (the CSV
 * holds all); {@code reported} is the full count.
 */
public record PeriodReport(ReportPeriod period, long reported, List<Dashboard.Count> byStatus,
		List<Dashboard.Count> bySeverity, List<Dashboard.Count> byChannel, List<Dashboard.MonthTimes> times,
		long warningsSent, List<Dashboard.Count> impersonated, List<Dashboard.Count> senderDomains,
		List<Dashboard.Count> attachmentTypes, List<Row> incidents) {

	public boolean truncated() {
		return this.incidents.size() < this.reported;
	}

	/**
	 * One incident of the period with the first times it reached triage, containment and
	 * closing.
	 */
	public record Row(long id, String reference, String title, String partner, String channel, String severity,
			String status, String assignee, Instant reportedAt, Instant triaged, Instant contained, Instant closed) {

	}

}
