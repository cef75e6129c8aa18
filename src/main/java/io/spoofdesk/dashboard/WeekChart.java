package io.spoofdesk.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The incidents-per-week bar chart as server-side SVG geometry: one colour, the number on
 * every bar and the week under it, so it reads in print and without telling colours
 * apart.
 */
record WeekChart(int width, int height, List<Bar> bars) {

	static final int BAR = 40;

	static final int GAP = 12;

	static final int PLOT = 160;

	static WeekChart of(List<Dashboard.Week> weeks) {
		long max = Math.max(1, weeks.stream().mapToLong(Dashboard.Week::count).max().orElse(1));
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < weeks.size(); i++) {
			Dashboard.Week week = weeks.get(i);
			int height = (int) Math.round((double) PLOT * week.count() / max);
			int x = GAP + i * (BAR + GAP);
			bars.add(new Bar(week, x, 20 + PLOT - height, BAR, height, x + BAR / 2));
		}
		return new WeekChart(GAP + weeks.size() * (BAR + GAP), PLOT + 60, bars);
	}

	/** One bar: its week, rectangle, and the centre for its labels. */
	record Bar(Dashboard.Week week, int x, int y, int width, int height, int centre) {

	}

}
