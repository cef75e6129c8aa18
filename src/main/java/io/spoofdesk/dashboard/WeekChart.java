package io.spoofdesk.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The incidents-per-week bar chart as server-side SVG: one colour, the number on every
 * bar and the week under it, so it reads in print and without telling colours apart. The
 * template draws the frame; the bars are written here ({@link #barsSvg()}), where their
 * geometry is computed: by Thymeleaf they were 40 % of the dashboard's time, some 15
 * expressions a bar (docs/benchmarks.md). The markup is written once, when the chart is
 * made, and the dashboard keeps its chart while the weeks' counts stay the same
 * ({@link #showing}).
 *
 * @param weeks the weeks drawn, oldest first
 * @param width the drawing's width
 * @param height the drawing's height
 * @param bars each week's bar
 * @param barsSvg the bars as SVG markup
 */
record WeekChart(List<Dashboard.Week> weeks, int width, int height, List<Bar> bars, String barsSvg) {

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
		return new WeekChart(List.copyOf(weeks), GAP + weeks.size() * (BAR + GAP), PLOT + 60, bars, svgOf(bars));
	}

	/** This chart if it draws these weeks with these counts, else a new one. */
	static WeekChart showing(WeekChart chart, List<Dashboard.Week> weeks) {
		return (chart != null && chart.weeks().equals(weeks)) ? chart : of(weeks);
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd");

	/**
	 * Each bar as a link to the incidents of its week, labelled with its visible text
	 * first (count, week start), as WCAG 2.5.3 asks. No {@code <title>}: the layout picks
	 * up every {@code <title>} of the page. Only numbers and dates go into the markup.
	 */
	private static String svgOf(List<Bar> bars) {
		StringBuilder svg = new StringBuilder(bars.size() * 400);
		for (Bar b : bars) {
			Dashboard.Week week = b.week();
			svg.append("<a href=\"/incidents?from=")
				.append(week.start())
				.append("&amp;to=")
				.append(week.end())
				.append("\" aria-label=\"")
				.append(week.count())
				.append(' ')
				.append(DAY.format(week.start()))
				.append(" – ")
				.append(DAY.format(week.end()))
				.append(" (")
				.append(week.start())
				.append(" – ")
				.append(week.end())
				.append(")\">\n        <rect class=\"week-bar\" x=\"")
				.append(b.x())
				.append("\" y=\"")
				.append(b.y())
				.append("\" width=\"")
				.append(b.width())
				.append("\" height=\"")
				.append(b.height())
				.append("\"/>\n        <text text-anchor=\"middle\" font-size=\"12\" x=\"")
				.append(b.centre())
				.append("\" y=\"")
				.append(b.y() - 4)
				.append("\">")
				.append(week.count())
				.append("</text>\n        <text text-anchor=\"middle\" font-size=\"10\" x=\"")
				.append(b.centre())
				.append("\" y=\"196\">")
				.append(DAY.format(week.start()))
				.append("</text>\n      </a>\n      ");
		}
		return svg.toString();
	}

	/** One bar: its week, rectangle, and the centre for its labels. */
	record Bar(Dashboard.Week week, int x, int y, int width, int height, int centre) {

	}

}
