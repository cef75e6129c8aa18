package io.spoofdesk.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month ({@code 2026-11}) or a quarter ({@code 2026-Q4}) of the calendar, in the
 * company's time zone: the period of a period report.
 */
public record ReportPeriod(String key, YearMonth firstMonth, YearMonth lastMonth) {

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	public static Optional<ReportPeriod> parse(String key) {
		if (key == null) {
			return Optional.empty();
		}
		Matcher month = MONTH.matcher(key);
		if (month.matches()) {
			return Optional.of(month(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)))));
		}
		Matcher quarter = QUARTER.matcher(key);
		if (quarter.matches()) {
			return Optional.of(quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2))));
		}
		return Optional.empty();
	}

	public static ReportPeriod month(YearMonth month) {
		return new ReportPeriod(month.toString(), month, month);
	}

	public static ReportPeriod quarter(int year, int quarter) {
		YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
		return new ReportPeriod(year + "-Q" + quarter, first, first.plusMonths(2));
	}

	/** The periods to pick from: the last twelve months and the last four quarters. */
	public static List<ReportPeriod> choices(YearMonth current) {
		List<ReportPeriod> choices = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			choices.add(month(current.minusMonths(i)));
		}
		YearMonth quarterStart = current.withMonth((current.getMonthValue() - 1) / 3 * 3 + 1);
		for (int i = 0; i < 4; i++) {
			YearMonth first = quarterStart.minusMonths(3L * i);
			choices.add(quarter(first.getYear(), (first.getMonthValue() - 1) / 3 + 1));
		}
		return choices;
	}

	public boolean isQuarter() {
		return !this.firstMonth.equals(this.lastMonth);
	}

	public LocalDate firstDay() {
		return this.firstMonth.atDay(1);
	}

	public LocalDate lastDay() {
		return this.lastMonth.atEndOfMonth();
	}

	public Instant start(ZoneId zone) {
		return firstDay().atStartOfDay(zone).toInstant();
	}

	public Instant end(ZoneId zone) {
		return lastDay().plusDays(1).atStartOfDay(zone).toInstant();
	}

}
