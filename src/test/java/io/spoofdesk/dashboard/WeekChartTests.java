package io.spoofdesk.dashboard;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeekChartTests {

	@Test
	void theTallestWeekFillsThePlotAndEveryBarLinksToItsWeeksIncidents() {
		LocalDate monday = LocalDate.of(2026, 11, 16);
		WeekChart chart = WeekChart.of(List.of(new Dashboard.Week(monday, 2),
				new Dashboard.Week(monday.plusWeeks(1), 4), new Dashboard.Week(monday.plusWeeks(2), 0)));

		assertThat(chart.width()).isEqualTo(WeekChart.GAP + 3 * (WeekChart.BAR + WeekChart.GAP));
		assertThat(chart.bars()).extracting(WeekChart.Bar::height).containsExactly(80, 160, 0);
		String svg = chart.barsSvg();
		assertThat(svg.split("<a ", -1)).hasSize(4);
		assertThat(svg).contains(
				"<a href=\"/incidents?from=2026-11-23&amp;to=2026-11-29\" aria-label=\"4 11/23 – 11/29 (2026-11-23 – 2026-11-29)\">",
				"<rect class=\"week-bar\" x=\"64\" y=\"20\" width=\"40\" height=\"160\"/>",
				"<text text-anchor=\"middle\" font-size=\"12\" x=\"84\" y=\"16\">4</text>",
				"<text text-anchor=\"middle\" font-size=\"10\" x=\"84\" y=\"196\">11/23</text>")
			.doesNotContain("<title");
	}

	@Test
	void aChartIsKeptWhileItsWeeksAndCountsStayTheSame() {
		LocalDate monday = LocalDate.of(2026, 11, 16);
		WeekChart chart = WeekChart
			.of(List.of(new Dashboard.Week(monday, 2), new Dashboard.Week(monday.plusWeeks(1), 4)));

		assertThat(WeekChart.showing(chart,
				List.of(new Dashboard.Week(monday, 2), new Dashboard.Week(monday.plusWeeks(1), 4))))
			.isSameAs(chart);
		WeekChart recounted = WeekChart.showing(chart,
				List.of(new Dashboard.Week(monday, 2), new Dashboard.Week(monday.plusWeeks(1), 5)));
		assertThat(recounted).isNotSameAs(chart);
		assertThat(recounted.barsSvg()).contains(">5</text>").doesNotContain(">4</text>");
		assertThat(WeekChart.showing(null, chart.weeks()).barsSvg()).isEqualTo(chart.barsSvg());
	}

}
