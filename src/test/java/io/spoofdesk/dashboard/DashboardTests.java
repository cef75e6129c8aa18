package io.spoofdesk.dashboard;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.support.IncidentFixtures;
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

	@Autowired
	ResponseTimes responseTimes;

	@Autowired
	CompanyTimeZone timeZone;

	PlainCounts plain() {
		return new PlainCounts(this.jdbc, this.timeZone.zoneId());
	}

	long incident(Instant reportedAt, String status) {
		return new IncidentFixtures(this.jdbc).incident(reportedAt, status, "fixture");
	}

	void reached(long incident, Instant reportedAt, String to, int afterHours) {
		new IncidentFixtures(this.jdbc).reached(incident, reportedAt, to, afterHours);
	}

	@Test
	void theApiAnswersTheFiguresThePageShowsToManagersOnly() {
		ApiClient manager = ApiClient.basic(this.port, Users.create(this.port, "MANAGER"), Users.PASSWORD);
		Dashboard figures = this.queries.current();

		HttpResponse<String> answered = manager.get("/api/v1/dashboard");

		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).contains("\"openByStatus\":", "\"overdueByPerson\":", "\"times\":",
				"\"partnersWarned\":" + figures.partnersWarned(), "\"weekStart\":\"" + figures.weekStart() + "\"");
		assertThat(ApiClient.basic(this.port, Users.create(this.port, "STAFF"), Users.PASSWORD)
			.get("/api/v1/dashboard")
			.statusCode()).isEqualTo(403);
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

		YearMonth month = YearMonth.of(2019, 3);
		Dashboard.MonthTimes march = this.responseTimes.months(month, month).get(0);

		assertThat(march.reported()).isEqualTo(4);
		assertThat(march.triageMedian()).as("first TRIAGED of 2, 4, 6 hours").isEqualTo(4.0);
		assertThat(march.triageP90()).isEqualTo(5.6);
		assertThat(march.containMedian()).as("10 h, and 30 h to RECOVERED when containment was skipped")
			.isEqualTo(20.0);
		assertThat(march.containP90()).isEqualTo(28.0);
		assertThat(march.closeMedian()).as("the reopened case is not closed").isEqualTo(48.0);
		assertThat(march.closeP90()).isEqualTo(48.0);
		assertThat(this.responseTimes.months(YearMonth.of(2019, 4), YearMonth.of(2019, 4)).get(0).triageMedian())
			.as("a month without incidents")
			.isNull();
		assertThat(this.responseTimes.months(month, month)).as("read back from dashboard_month_times")
			.isEqualTo(this.responseTimes.plain(month, month))
			.containsExactly(march);
	}

	@Test
	void keptMonthsAreRecomputedAfterEveryWriteThatChangesThem() {
		YearMonth may = YearMonth.of(2019, 5);
		YearMonth june = YearMonth.of(2019, 6);
		Instant reported = Instant.parse("2019-05-31T14:30:00Z"); // 23:30 in Tokyo on the
																	// last day of May
		long incident = incident(reported, "NEW");
		incident(Instant.parse("2019-05-10T00:00:00Z"), "NEW");
		assertThat(this.responseTimes.months(may, june)).isEqualTo(this.responseTimes.plain(may, june));

		reached(incident, reported, "TRIAGED", 3);
		assertKeptEqualsPlain(may, june, "a status change");
		this.jdbc.sql("UPDATE incident SET status = 'CLOSED' WHERE id = ?").param(incident).update();
		reached(incident, reported, "CLOSED", 30);
		assertKeptEqualsPlain(may, june, "closing");
		this.jdbc.sql("UPDATE incident SET status = 'TRIAGED' WHERE id = ?").param(incident).update();
		assertKeptEqualsPlain(may, june, "reopening");
		this.jdbc
			.sql("UPDATE incident_status_change SET changed_at = changed_at + interval '5 hours' "
					+ "WHERE incident_id = ? AND to_status = 'TRIAGED'")
			.param(incident)
			.update();
		assertKeptEqualsPlain(may, june, "a corrected status change");
		this.jdbc.sql("UPDATE incident SET reported_at = reported_at + interval '1 hour' WHERE id = ?")
			.param(incident)
			.update();
		assertThat(this.responseTimes.months(may, june).get(1).reported()).as("moved to June in Tokyo").isEqualTo(1);
		assertKeptEqualsPlain(may, june, "a report time moved across the month's end");
		this.jdbc.sql("DELETE FROM incident WHERE id = ?").param(incident).update();
		assertKeptEqualsPlain(may, june, "a delete");
		this.jdbc.sql("UPDATE dashboard_month_times SET zone = 'UTC', reported = 99 WHERE month = '2019-05'").update();
		assertKeptEqualsPlain(may, june, "a row kept for another time zone");
	}

	void assertKeptEqualsPlain(YearMonth first, YearMonth last, String after) {
		assertThat(this.responseTimes.months(first, last)).as(after).isEqualTo(this.responseTimes.plain(first, last));
	}

	@Test
	void overdueStepsByPersonEqualThePlainCountThroughAssignmentsCompletionsAndClosing() {
		String staff = Users.create(this.port, "STAFF");
		ApiClient manager = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		long first = created(manager, Instant.now().minus(Duration.ofDays(3)), List.of());
		long second = created(manager, Instant.now().minus(Duration.ofHours(5)), List.of());
		assertOverdueEqualsPlain("new checklists");

		this.jdbc.sql("UPDATE checklist_step SET assignee = ? WHERE incident_id = ? AND position <= 4")
			.params(staff, first)
			.update();
		this.jdbc.sql("UPDATE checklist_step SET status = 'DONE' WHERE incident_id = ? AND position = 2")
			.param(first)
			.update();
		this.jdbc
			.sql("UPDATE checklist_step SET status = 'BLOCKED', reason = 'r' WHERE incident_id = ? AND position = 3")
			.param(first)
			.update();
		this.jdbc
			.sql("UPDATE checklist_step SET due_at = now() + interval '2 days' WHERE incident_id = ? "
					+ "AND position = 1")
			.param(second)
			.update();
		this.jdbc.sql("UPDATE checklist_step SET result_note = 'noted', overdue_notified = true WHERE incident_id = ?")
			.param(second)
			.update();
		assertOverdueEqualsPlain("assignments, completions, blocks and a new due time");
		assertThat(this.queries.overdueByPerson(Instant.now())).extracting(Dashboard.Count::key).contains(staff);

		this.jdbc.sql("UPDATE checklist_step SET dormant = true WHERE incident_id = ?").param(first).update();
		this.jdbc.sql("DELETE FROM incident WHERE id = ?").param(second).update();
		assertOverdueEqualsPlain("a closed incident's dormant steps and a delete");
		assertThat(this.queries.overdueByPerson(Instant.now())).extracting(Dashboard.Count::key).doesNotContain(staff);
	}

	void assertOverdueEqualsPlain(String after) {
		assertThat(this.jdbc
			.sql("SELECT assignee || '/' || due_day || '=' || count FROM open_step_due_day "
					+ "WHERE count > 0 ORDER BY 1")
			.query(String.class)
			.list())
			.as("the summary rows after " + after)
			.isEqualTo(this.jdbc.sql("""
					SELECT coalesce(assignee, '') || '/' || (due_at AT TIME ZONE 'UTC')::date || '=' || count(*)
					FROM checklist_step
					WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NOT dormant AND due_at IS NOT NULL
					GROUP BY coalesce(assignee, ''), (due_at AT TIME ZONE 'UTC')::date ORDER BY 1""")
				.query(String.class)
				.list());
		for (Instant now : List.of(Instant.now(), Instant.now().minus(Duration.ofDays(2)),
				Instant.now().plus(Duration.ofDays(3)), Instant.parse("2030-01-01T00:00:00Z"))) {
			assertThat(this.queries.overdueByPerson(now)).as("overdue at %s after %s", now, after)
				.isEqualTo(plain().overdueByPerson(now));
		}
	}

	@Test
	void mostImpersonatedAddressesEqualThePlainCountAcrossTheFirstDaysBoundary() {
		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		String ours = "imp-" + UUID.randomUUID().toString().substring(0, 8) + "@kitamura-seiki.co.jp";
		String other = "imp2-" + UUID.randomUUID().toString().substring(0, 8) + "@kitamura-seiki.co.jp";
		Instant now = Instant.now();
		List<Long> ids = new java.util.ArrayList<>();
		for (int hoursAgo : List.of(1, 30, 24 * 29 + 20, 24 * 30 - 1, 24 * 30 + 1, 24 * 31)) {
			ids.add(created(helpdesk, now.minus(Duration.ofHours(hoursAgo)), List.of(ours, other)));
		}
		assertImpersonatedEqualsPlain(now, "creates");
		assertThat(this.queries.impersonated(now.minus(Duration.ofDays(30)))).as("the four reports inside the 30 days")
			.contains(new Dashboard.Count(ours, 4));

		HttpResponse<String> edited = helpdesk.put("/api/v1/incidents/" + ids.get(0), """
				{"title": "編集", "channel": "PHONE", "severity": "LOW", "impersonatedAddresses": ["%s"],
				 "version": 0, "reportedAt": "%s"}""".formatted(ours, now.minus(Duration.ofHours(1))));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		this.jdbc.sql("DELETE FROM incident WHERE id = ?").param(ids.get(1)).update();
		assertImpersonatedEqualsPlain(now, "an edit and a delete");
		assertThat(this.queries.impersonated(now.minus(Duration.ofDays(30)))).contains(new Dashboard.Count(ours, 3),
				new Dashboard.Count(other, 2));
	}

	void assertImpersonatedEqualsPlain(Instant now, String after) {
		assertThat(this.jdbc
			.sql("SELECT address || '/' || day || '=' || count FROM impersonation_day " + "WHERE count > 0 ORDER BY 1")
			.query(String.class)
			.list())
			.as("the summary rows after " + after)
			.isEqualTo(this.jdbc.sql("""
					SELECT address || '/' || (reported_at AT TIME ZONE 'UTC')::date || '=' || count(*)
					FROM incident_impersonation GROUP BY address, (reported_at AT TIME ZONE 'UTC')::date ORDER BY 1""")
				.query(String.class)
				.list());
		for (Duration back : List.of(Duration.ofDays(30), Duration.ofDays(1), Duration.ofHours(40))) {
			Instant since = now.minus(back);
			assertThat(this.queries.impersonated(since)).as("since %s after %s", since, after)
				.isEqualTo(plain().impersonated(since));
		}
	}

	@Test
	void warningDraftCountsEqualThePlainCountThroughCreatesStatusChangesAndDeletes() {
		long incident = incident(Instant.parse("2019-07-01T00:00:00Z"), "TRIAGED");
		long batch = this.jdbc.sql("""
				INSERT INTO warning_batch (incident_id, template_id, language, from_address, status, created_at,
				                           created_by)
				VALUES (?, (SELECT min(id) FROM mail_template), 'ja', 'soumu@kitamura-seiki.co.jp', 'APPROVED', now(),
				        'test') RETURNING id""").param(incident).query(Long.class).single();
		for (String status : List.of("APPROVED", "QUEUED", "SENT", "SENT", "CANCELLED")) {
			this.jdbc.sql("""
					INSERT INTO warning_draft (batch_id, incident_id, recipient_label, to_address, subject, body,
					                           status, updated_at, updated_by)
					VALUES (?, ?, 'p', 'info@p.example.jp', 's', 'b', ?, now(), 'test')""")
				.params(batch, incident, status)
				.update();
		}
		assertDraftCountsEqualPlain("creates");
		this.jdbc.sql("UPDATE warning_draft SET status = 'SENT' WHERE batch_id = ? AND status = 'QUEUED'")
			.param(batch)
			.update();
		this.jdbc.sql("UPDATE warning_draft SET subject = 'touched' WHERE batch_id = ?").param(batch).update();
		assertDraftCountsEqualPlain("sending and an edit");
		this.jdbc.sql("DELETE FROM incident WHERE id = ?").param(incident).update();
		assertDraftCountsEqualPlain("deleting the incident with its drafts");
	}

	void assertDraftCountsEqualPlain(String after) {
		assertThat(this.jdbc
			.sql("SELECT status || '=' || count FROM warning_draft_status_count WHERE count > 0 " + "ORDER BY 1")
			.query(String.class)
			.list())
			.as(after)
			.isEqualTo(this.jdbc.sql("SELECT status || '=' || count(*) FROM warning_draft GROUP BY status ORDER BY 1")
				.query(String.class)
				.list());
		Dashboard dashboard = this.queries.current();
		assertThat(dashboard.partnersWarned()).as(after)
			.isEqualTo(this.jdbc.sql("SELECT count(*) FROM warning_draft WHERE status IN ('SENT', 'MARKED_SENT')")
				.query(Long.class)
				.single());
		assertThat(dashboard.partnersToWarn()).as(after)
			.isEqualTo(this.jdbc
				.sql("SELECT count(*) FROM warning_draft WHERE status NOT IN ('SENT', 'MARKED_SENT', 'CANCELLED')")
				.query(Long.class)
				.single());
	}

	@Test
	void theRebuildForBulkLoadsComputesWhatTheTriggersKept() {
		incident(Instant.parse("2019-08-01T03:00:00Z"), "NEW");
		List<String> kept = summaries();
		this.jdbc.sql("SELECT dashboard_summaries_rebuild()").query(String.class).list();
		assertThat(summaries()).isEqualTo(kept).isNotEmpty();
	}

	List<String> summaries() {
		List<String> rows = new java.util.ArrayList<>();
		for (String table : List.of("incident_open_count", "open_step_due_day", "impersonation_day",
				"warning_draft_status_count", "mail_feature_day", "incident_report_slot")) {
			rows.addAll(
					this.jdbc.sql("SELECT '" + table + ": ' || t::text FROM " + table + " t WHERE count > 0 ORDER BY 1")
						.query(String.class)
						.list());
		}
		return rows;
	}

	long created(ApiClient client, Instant reportedAt, List<String> impersonated) {
		String addresses = impersonated.stream()
			.map((address) -> "\"" + address + "\"")
			.collect(java.util.stream.Collectors.joining(", "));
		HttpResponse<String> created = client.post("/api/v1/incidents", """
				{"title": "集計確認", "channel": "PHONE", "severity": "MEDIUM", "impersonatedAddresses": [%s],
				 "reportedAt": "%s"}""".formatted(addresses, reportedAt));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return this.jdbc.sql("SELECT max(id) FROM incident").query(Long.class).single();
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
		assertThat(weeks).isEqualTo(plain().perWeek(LocalDate.of(2018, 3, 5), 3));
		this.jdbc
			.sql("UPDATE incident SET reported_at = reported_at - interval '1 hour' "
					+ "WHERE reported_at = '2018-03-11T15:30:00Z'")
			.update();
		assertThat(this.queries.perWeek(LocalDate.of(2018, 3, 5), 3)).as("moved back into the first week")
			.extracting(Dashboard.Week::count)
			.containsExactly(2L, 1L, 0L);
		assertThat(this.jdbc.sql("SELECT slot || '=' || count FROM incident_report_slot WHERE count > 0 ORDER BY slot")
			.query(String.class)
			.list())
			.as("the slots")
			.isEqualTo(this.jdbc
				.sql("""
						SELECT slot || '=' || n FROM (
						  SELECT date_bin('15 minutes', reported_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS slot, count(*) AS n
						  FROM incident GROUP BY 1) AS slots ORDER BY slot""")
				.query(String.class)
				.list());
	}

	@Test
	void senderDomainsAndAttachmentTypesEqualThePlainCountAcrossTheFirstDaysBoundary() {
		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		Instant now = Instant.now();
		String domain = "feat-" + UUID.randomUUID().toString().substring(0, 8) + ".example.top";
		long incident = created(helpdesk, now.minus(Duration.ofDays(40)), List.of());
		List<Integer> hoursAgo = List.of(1, 30, 24 * 29 + 20, 24 * 30 - 1, 24 * 30 + 1, 24 * 31);
		for (int i = 0; i < hoursAgo.size(); i++) {
			byte[] mail = io.spoofdesk.mailanalysis.TestMail
				.from("Sales <sales" + i + "@" + (i % 2 == 0 ? domain : "Other-" + domain) + ">")
				.subject("Invoice " + i)
				.text("see attachment")
				.attach("invoice" + i + ((i % 3 == 0) ? ".ZIP" : ".docm"), "application/octet-stream",
						("x" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.attach("readme.txt", "text/plain", ("y" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.bytes();
			HttpResponse<String> attached = helpdesk.send(helpdesk.request("/api/v1/incidents/" + incident + "/mails")
				.header("Content-Type", "message/rfc822")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(mail)));
			assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
			this.jdbc.sql("UPDATE incident_mail SET added_at = ? WHERE id = (SELECT max(id) FROM incident_mail)")
				.param(java.sql.Timestamp.from(now.minus(Duration.ofHours(hoursAgo.get(i)))))
				.update();
		}
		assertMailFeaturesEqualPlain(now, "attaching and re-dating");
		assertThat(this.queries.mailFeatures(DashboardQueries.SENDER_DOMAIN, now.minus(Duration.ofDays(30))))
			.contains(new Dashboard.Count(domain, 2), new Dashboard.Count("other-" + domain, 2));

		this.jdbc.sql("DELETE FROM incident_mail WHERE incident_id = ? AND subject = 'Invoice 1'")
			.param(incident)
			.update();
		assertMailFeaturesEqualPlain(now, "a delete");
		assertThat(this.queries.mailFeatures(DashboardQueries.SENDER_DOMAIN, now.minus(Duration.ofDays(30))))
			.contains(new Dashboard.Count("other-" + domain, 1));
	}

	void assertMailFeaturesEqualPlain(Instant now, String after) {
		assertThat(this.jdbc
			.sql("SELECT feature || '/' || value || '/' || day || '=' || count FROM mail_feature_day "
					+ "WHERE count > 0 ORDER BY 1")
			.query(String.class)
			.list())
			.as("the summary rows after " + after)
			.isEqualTo(this.jdbc
				.sql("""
						SELECT f.feature || '/' || f.value || '/' || (m.added_at AT TIME ZONE 'UTC')::date || '=' || count(*)
						FROM incident_mail m, mail_features(m.from_address, m.analysis) AS f
						GROUP BY f.feature, f.value, (m.added_at AT TIME ZONE 'UTC')::date ORDER BY 1""")
				.query(String.class)
				.list());
		for (String feature : List.of(DashboardQueries.SENDER_DOMAIN, DashboardQueries.ATTACHMENT_TYPE)) {
			for (Duration back : List.of(Duration.ofDays(30), Duration.ofDays(1), Duration.ofHours(40))) {
				Instant since = now.minus(back);
				assertThat(this.queries.mailFeatures(feature, since)).as("%s since %s after %s", feature, since, after)
					.isEqualTo(this.queries.mailFeaturesBetween(feature, since, Instant.parse("2100-01-01T00:00:00Z")));
			}
		}
	}

	@Test
	void managersSeeTheFiguresWithLinksToTheListsBehindThem() {
		String address = "dash-" + UUID.randomUUID().toString().substring(0, 8) + "@kitamura-seiki.co.jp";
		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		long openBefore = this.jdbc.sql("SELECT count(*) FROM incident WHERE status = 'NEW'")
			.query(Long.class)
			.single();
		// named more often than any address the shared database already holds, so it is
		// in
		// the top ten whatever other tests left there
		long times = 1
				+ this.queries.current().impersonated().stream().mapToLong(Dashboard.Count::count).max().orElse(0);
		for (int i = 0; i < times; i++) {
			HttpResponse<String> created = helpdesk.post("/api/v1/incidents", """
					{"title": "ダッシュボード確認", "channel": "PHONE", "severity": "CRITICAL",
					 "impersonatedAddresses": ["%s"], "reportedAt": "%s"}""".formatted(address, Instant.now()));
			assertThat(created.statusCode()).isEqualTo(201);
		}

		Dashboard dashboard = this.queries.current();
		assertThat(dashboard.openByStatus()).contains(new Dashboard.Count("NEW", openBefore + times));
		assertThat(dashboard.impersonated()).contains(new Dashboard.Count(address, times));
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
