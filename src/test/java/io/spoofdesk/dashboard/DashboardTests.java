package io.spoofdesk.dashboard;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures against hand-checked fixtures, in periods no other test
 * touches: reopened incidents, skipped containment, incidents never contained, and weeks
 * cut at Monday midnight in Tokyo.
 */
@ServerTest
class DashboardTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DashboardQueries queries;

	long incident(Instant reportedAt, String status) {
		Timestamp at = Timestamp.from(reportedAt);
		return this.jdbc.sql("""
				INSERT INTO incident (reference, title, channel, reported_at, severity, status, created_at, created_by,
				                      updated_at, updated_by)
				VALUES (?, 'fixture', 'PHONE', ?, 'LOW', ?, ?, 'test', ?, 'test') RETURNING id""")
			.params("FIX-" + UUID.randomUUID(), at, status, at, at)
			.query(Long.class)
			.single();
	}

	void reached(long incident, Instant reportedAt, String to, int afterHours) {
		this.jdbc.sql("""
				INSERT INTO incident_status_change (incident_id, to_status, changed_by, changed_at)
				VALUES (?, ?, 'test', ?)""")
			.params(incident, to, Timestamp.from(reportedAt.plus(Duration.ofHours(afterHours))))
			.update();
	}

	@Test
	void responseTimesFollowTheDefinitions() {
		Instant reported = Instant.parse("2019-03-10T00:00:00Z");
		long closed = incident(reported, "CLOSED");
		reached(closed, reported, "TRIAGED", 2);
		reached(closed, reported, "CONTAINED", 10);
		reached(closed, reported, "RECOVERED", 20);
		reached(closed, reported, "CLOSED", 48);
		long reopened = incident(reported, "TRIAGED");
		reached(reopened, reported, "TRIAGED", 4);
		reached(reopened, reported, "RECOVERED", 30);
		reached(reopened, reported, "CLOSED", 100);
		reached(reopened, reported, "TRIAGED", 120);
		long neverContained = incident(reported, "TRIAGED");
		reached(neverContained, reported, "TRIAGED", 6);
		incident(reported, "NEW");

		Dashboard.MonthTimes march = this.queries.times(YearMonth.of(2019, 3), YearMonth.of(2019, 3)).get(0);

		assertThat(march.reported()).isEqualTo(4);
		assertThat(march.triageMedian()).as("first TRIAGED of 2, 4, 6 hours").isEqualTo(4.0);
		assertThat(march.triageP90()).isEqualTo(5.6);
		assertThat(march.containMedian()).as("10 h, and 30 h to RECOVERED when containment was skipped")
			.isEqualTo(20.0);
		assertThat(march.containP90()).isEqualTo(28.0);
		assertThat(march.closeMedian()).as("the reopened case is not closed").isEqualTo(48.0);
		assertThat(march.closeP90()).isEqualTo(48.0);
		assertThat(this.queries.times(YearMonth.of(2019, 4), YearMonth.of(2019, 4)).get(0).triageMedian())
			.as("a month without incidents")
			.isNull();
	}

	@Test
	void theOpenCountsSummaryEqualsThePlainCountThroughCreatesChangesClosesAndReopens() {
		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> created = helpdesk.post("/api/v1/incidents", """
					{"title": "集計確認", "channel": "PHONE", "severity": "MEDIUM", "impersonatedAddresses": [],
					 "reportedAt": "%s"}""".formatted(Instant.now()));
			assertThat(created.statusCode()).isEqualTo(201);
		}
		long id = this.jdbc.sql("SELECT max(id) FROM incident").query(Long.class).single();
		String path = "/api/v1/incidents/" + id;
		assertThat(helpdesk.post(path + "/status", "{\"status\": \"TRIAGED\"}").statusCode()).isEqualTo(200);
		this.jdbc.sql("UPDATE checklist_step SET status = 'DONE' WHERE incident_id = ?").param(id).update();
		assertThat(helpdesk.post(path + "/status", "{\"status\": \"RECOVERED\"}").statusCode()).isEqualTo(200);
		assertThat(helpdesk.post(path + "/status", "{\"status\": \"CLOSED\"}").statusCode()).isEqualTo(200);
		assertThat(plainOpenCounts()).isEqualTo(summaryOpenCounts());
		assertThat(helpdesk.post(path + "/status", "{\"status\": \"TRIAGED\", \"reason\": \"再発\"}").statusCode())
			.isEqualTo(200);
		this.jdbc.sql("UPDATE incident SET severity = 'HIGH' WHERE id = ?").param(id).update();
		this.jdbc.sql("UPDATE incident SET title = 'touched' WHERE id = ?").param(id - 1).update();
		this.jdbc.sql("DELETE FROM incident WHERE id = ?").param(id - 2).update();

		assertThat(summaryOpenCounts()).isEqualTo(plainOpenCounts());
		assertThat(this.queries.current().openByStatus()).isEqualTo(plainByStatus());
	}

	List<String> plainOpenCounts() {
		return this.jdbc.sql("""
				SELECT status || '/' || severity || '=' || count(*) FROM incident
				WHERE status NOT IN ('CLOSED', 'FALSE_POSITIVE') GROUP BY status, severity ORDER BY 1""")
			.query(String.class)
			.list();
	}

	List<String> summaryOpenCounts() {
		return this.jdbc
			.sql("SELECT status || '/' || severity || '=' || count FROM incident_open_count "
					+ "WHERE count > 0 ORDER BY 1")
			.query(String.class)
			.list();
	}

	List<Dashboard.Count> plainByStatus() {
		return this.jdbc
			.sql("SELECT status, count(*) FROM incident WHERE status NOT IN ('CLOSED', 'FALSE_POSITIVE') "
					+ "GROUP BY status ORDER BY status")
			.query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getLong(2)))
			.list();
	}

	@Test
	void weeksStartOnMondayMidnightInTokyo() {
		incident(Instant.parse("2018-03-11T14:30:00Z"), "NEW"); // Sunday 23:30 in Tokyo
		incident(Instant.parse("2018-03-11T15:30:00Z"), "NEW"); // Monday 00:30 in Tokyo
		incident(Instant.parse("2018-03-18T14:30:00Z"), "NEW"); // the next Sunday 23:30

		List<Dashboard.Week> weeks = this.queries.perWeek(LocalDate.of(2018, 3, 5), 3);

		assertThat(weeks).extracting(Dashboard.Week::count).containsExactly(1L, 2L, 0L);
		assertThat(weeks.get(1).start()).isEqualTo(LocalDate.of(2018, 3, 12));
		assertThat(weeks.get(1).end()).isEqualTo(LocalDate.of(2018, 3, 18));
	}

	@Test
	void managersSeeTheFiguresWithLinksToTheListsBehindThem() {
		String address = "dash-" + UUID.randomUUID().toString().substring(0, 8) + "@kitamura-seiki.co.jp";
		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		long openBefore = this.jdbc.sql("SELECT count(*) FROM incident WHERE status = 'NEW'")
			.query(Long.class)
			.single();
		HttpResponse<String> created = helpdesk.post("/api/v1/incidents", """
				{"title": "ダッシュボード確認", "channel": "PHONE", "severity": "CRITICAL",
				 "impersonatedAddresses": ["%s"], "reportedAt": "%s"}""".formatted(address, Instant.now()));
		assertThat(created.statusCode()).isEqualTo(201);

		Dashboard dashboard = this.queries.current();
		assertThat(dashboard.openByStatus()).contains(new Dashboard.Count("NEW", openBefore + 1));
		assertThat(dashboard.impersonated()).contains(new Dashboard.Count(address, 1));
		assertThat(dashboard.perWeek()).hasSize(12);
		assertThat(dashboard.perWeek().get(11).count()).isPositive();

		Browser manager = new Browser(this.port);
		manager.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);
		String page = manager.get("/dashboard").body();
		assertThat(page).contains("ダッシュボード", "/incidents?status=NEW", "/incidents?impersonated=" + address,
				"<svg class=\"week-chart\"", "<rect class=\"week-bar\"", "/incidents?from=");
		Browser staff = new Browser(this.port);
		staff.signIn(Users.create(this.port, "STAFF"), Users.PASSWORD);
		assertThat(staff.get("/dashboard").statusCode()).isEqualTo(403);
	}

	@Test
	void theDashboardReadsInTheBrowserInBothLanguages() {
		String manager = Users.create(this.port, "MANAGER");
		for (String language : List.of("ja", "en")) {
			try (RealBrowser browser = RealBrowser.open(this.port, language)) {
				browser.signIn(manager, Users.PASSWORD).go("/dashboard");
				assertThat(browser.text()).contains("ja".equals(language) ? "週ごとの受付件数" : "Incidents reported per week");
				assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("svg.week-chart rect")))
					.hasSize(12);
				browser.screenshot("dashboard-" + language);
			}
		}
	}

}
