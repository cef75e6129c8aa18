package io.spoofdesk.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Everything the dashboard shows, computed at one moment. */
public record Dashboard(List<Count> openByStatus, List<Count> openBySeverity, long newThisWeek, LocalDate weekStart,
		List<Count> overdueByPerson, List<Week> perWeek, List<MonthTimes> times, long partnersWarned,
		long partnersToWarn, List<Count> impersonated, List<Count> senderDomains, List<Count> attachmentTypes) {

	/** A label and how many. */
	public record Count(String key, long count) {

		/** Reads a row of (label, count), as every "how many per ..." query answers. */
		static Count of(ResultSet row, int rowNumber) throws SQLException {
			return new Count(row.getString(1), row.getLong(2));
		}

	}

	/** Incidents reported in one week (Monday to Sunday, company time zone). */
	public record Week(LocalDate start, long count) {

		public LocalDate end() {
			return this.start.plusDays(6);
		}

	}

	/**
	 * Median and 90th percentile, in hours, of the times to triage, to contain and to
	 * close of the incidents reported in one month; null where no incident got there.
	 */
	public record MonthTimes(YearMonth month, long reported, Double triageMedian, Double triageP90,
			Double containMedian, Double containP90, Double closeMedian, Double closeP90) {

	}

}
