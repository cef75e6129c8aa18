package io.spoofdesk.checklist;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.spoofdesk.mailanalysis.TestMail;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checklists as the people using them meet them: the default playbook copied onto a new
 * incident in the reporter's language, steps ticked, skipped and blocked under the rules,
 * evidence and the credential ledger, the closing rule, conflicts, task lists, reminders,
 * swapping playbooks, and editing playbooks without touching started checklists.
 */
@ServerTest
class ChecklistTests {

	private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StepReminders reminders;

	@Autowired
	EvidenceRetention evidenceRetention;

	ApiClient user(String username) {
		return ApiClient.basic(this.port, username, Users.PASSWORD);
	}

	long newIncident(ApiClient client, String reportedAt) {
		HttpResponse<String> created = client.post("/api/v1/incidents", """
				{"title": "なりすましメールの連絡", "channel": "PHONE", "severity": "HIGH",
				 "impersonatedAddresses": ["info@kitamura-seiki.co.jp"], "reportedAt": "%s"}""".formatted(reportedAt));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Long.parseLong(group(ID, created.body()));
	}

	long newIncident(ApiClient client) {
		return newIncident(client, Instant.now().minus(Duration.ofMinutes(10)).toString());
	}

	/** The id and version of the incident's step of a kind. */
	long[] step(long incident, String kind) {
		return this.jdbc
			.sql("SELECT s.id, s.version FROM checklist_step s JOIN checklist c ON c.id = s.checklist_id AND c.active "
					+ "WHERE s.incident_id = ? AND s.kind = ?")
			.params(incident, kind)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	HttpResponse<String> status(ApiClient client, long incident, long[] step, String status, String reason) {
		String body = "{\"status\": \"%s\", \"version\": %d%s}".formatted(status, step[1],
				(reason != null) ? ", \"reason\": \"" + reason + "\"" : "");
		return client.post("/api/v1/incidents/" + incident + "/checklist/steps/" + step[0] + "/status", body);
	}

	void finishEverythingBut(ApiClient manager, long incident, String... kinds) {
		List<String> keep = List.of(kinds);
		for (String kind : this.jdbc
			.sql("SELECT s.kind FROM checklist_step s JOIN checklist c ON c.id = s.checklist_id AND c.active "
					+ "WHERE s.incident_id = ? ORDER BY s.position")
			.param(incident)
			.query(String.class)
			.list()) {
			if (!keep.contains(kind)) {
				HttpResponse<String> skipped = status(manager, incident, step(incident, kind), "SKIPPED", "テストのため省略");
				assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
			}
		}
	}

	@Test
	void aNewIncidentGetsTheDefaultChecklistInTheReportersLanguage() {
		String reportedAt = "2026-11-20T01:30:00Z";
		long japanese = newIncident(user(Users.create(this.port, "HELPDESK")), reportedAt);
		ApiClient english = user(Users.create(this.port, "HELPDESK"));
		long inEnglish = Long
			.parseLong(group(ID,
					english.send(english.request("/api/v1/incidents")
						.header("Accept-Language", "en")
						.header("Content-Type", "application/json")
						.POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
								{"title": "Spoofed mail", "channel": "MAIL", "severity": "LOW",
								 "impersonatedAddresses": [], "reportedAt": "2026-11-20T01:30:00Z"}"""))).body()));

		String ja = user(Users.create(this.port, "STAFF")).get("/api/v1/incidents/" + japanese + "/checklist").body();
		String en = user(Users.create(this.port, "STAFF")).get("/api/v1/incidents/" + inEnglish + "/checklist").body();

		assertThat(ja).contains("\"name\":\"なりすましメール（Emotet型）\"", "\"language\":\"ja\"",
				"\"title\":\"ウイルス対策ソフト・EDRを最新にし、全PCでフルスキャンする\"", "\"overall\":{\"finished\":0,\"total\":16}");
		assertThat(en).contains("\"name\":\"Spoofed mail (Emotet-type)\"", "\"language\":\"en\"",
				"\"title\":\"Update antivirus/EDR and run a full scan on every PC\"");
		assertThat(ja).as("due = reported + 1 hour for the first step").contains("\"dueAt\":\"2026-11-20T02:30:00Z\"");
		assertThat(ja).as("final report due after 14 days").contains("\"dueAt\":\"2026-12-04T01:30:00Z\"");
	}

	@Test
	void theNewIncidentFormOffersThePlaybooksAndTheChosenOneStarts() {
		long nameOnly = this.jdbc.sql("SELECT id FROM playbook WHERE code = 'name-abused-only'")
			.query(Long.class)
			.single();
		String helpdeskName = Users.create(this.port, "HELPDESK");
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(helpdeskName, Users.PASSWORD);
		String form = helpdesk.get("/incidents/new").body();
		assertThat(form).contains("name=\"startOptions[playbook]\"", "なりすましメール（Emotet型）", "当社名の悪用（スキャンとパスワード確認あり）");

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", "名前だけの悪用");
		fields.put("channel", "PHONE");
		fields.put("severity", "LOW");
		fields.put("impersonated", "info@kitamura-seiki.co.jp");
		fields.put("reportedAt", "2026-11-27T10:15");
		fields.put("startOptions[playbook]", Long.toString(nameOnly));
		HttpResponse<String> created = helpdesk.post("/incidents", fields);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(helpdesk.get(location).body()).contains("当社名の悪用（スキャンとパスワード確認あり）", "0 / 9");

		long before = this.jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
		HttpResponse<String> unknown = user(helpdeskName).post("/api/v1/incidents", """
				{"title": "x", "channel": "PHONE", "severity": "LOW", "impersonatedAddresses": [],
				 "reportedAt": "2026-11-27T01:00:00Z", "startOptions": {"playbook": "999999"}}""");
		assertThat(unknown.statusCode()).isEqualTo(409);
		assertThat(unknown.body()).contains("そのプレイブックは存在しない");
		assertThat(this.jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single())
			.as("no incident without its checklist")
			.isEqualTo(before);
	}

	@Test
	void aCaseClosesOnlyWhenItsRequiredStepsAreDoneOrSkipped() {
		ApiClient helpdesk = user(Users.create(this.port, "HELPDESK"));
		ApiClient manager = user(Users.create(this.port, "MANAGER"));
		long incident = newIncident(helpdesk);
		String path = "/api/v1/incidents/" + incident + "/status";
		assertThat(helpdesk.post(path, "{\"status\": \"TRIAGED\"}").statusCode()).isEqualTo(200);
		assertThat(helpdesk.post(path, "{\"status\": \"RECOVERED\"}").statusCode()).isEqualTo(200);

		finishEverythingBut(manager, incident, "FINAL_REPORT", "WEBSITE_NOTICE");
		HttpResponse<String> refused = manager.post(path, "{\"status\": \"CLOSED\"}");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("必須のチェック項目が残っています");

		assertThat(status(manager, incident, step(incident, "FINAL_REPORT"), "DONE", null).statusCode()).isEqualTo(200);
		assertThat(manager.post(path, "{\"status\": \"CLOSED\"}").statusCode()).as("optional website notice left open")
			.isEqualTo(200);
		assertThat(status(manager, incident, step(incident, "WEBSITE_NOTICE"), "DONE", null).statusCode())
			.as("a closed case's checklist is frozen")
			.isEqualTo(409);
	}

	@Test
	void onlyAManagerSkipsARequiredStepAndEverySkipOrBlockNeedsAReason() {
		String staffName = Users.create(this.port, "STAFF");
		ApiClient staff = user(staffName);
		ApiClient manager = user(Users.create(this.port, "MANAGER"));
		long incident = newIncident(user(Users.create(this.port, "HELPDESK")));

		assertThat(status(staff, incident, step(incident, "ISOLATE_PC"), "SKIPPED", "不要").statusCode())
			.as("staff may not skip a required step")
			.isEqualTo(403);
		HttpResponse<String> noReason = status(manager, incident, step(incident, "ISOLATE_PC"), "SKIPPED", null);
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("\"field\":\"reason\"", "理由を入力してください");
		assertThat(status(staff, incident, step(incident, "ISOLATE_PC"), "BLOCKED", " ").statusCode()).isEqualTo(400);

		HttpResponse<String> skipped = status(manager, incident, step(incident, "ISOLATE_PC"), "SKIPPED",
				"ヘッダー調査で名前の悪用のみと判明");
		assertThat(skipped.body()).contains("\"status\":\"SKIPPED\"", "\"reason\":\"ヘッダー調査で名前の悪用のみと判明\"");
		HttpResponse<String> optional = status(staff, incident, step(incident, "WEBSITE_NOTICE"), "SKIPPED",
				"全取引先に連絡済み");
		assertThat(optional.statusCode()).as("staff may skip an optional step with a reason").isEqualTo(200);
		assertThat(optional.body()).contains("\"assignee\":\"" + staffName + "\"", "\"completedBy\":\"" + staffName);
		assertThat(this.jdbc.sql("SELECT new_value FROM audit_event WHERE target_id = ? AND action = ?")
			.params(Long.toString(incident), "STEP_STATUS_CHANGED")
			.query(String.class)
			.list()).contains("SKIPPED (ヘッダー調査で名前の悪用のみと判明)", "SKIPPED (全取引先に連絡済み)");
	}

	@Test
	void passwordsStepNeedsEveryAccountConfirmedFromACleanDevice() {
		ApiClient staff = user(Users.create(this.port, "STAFF"));
		long incident = newIncident(user(Users.create(this.port, "HELPDESK")));
		long[] rotate = step(incident, "ROTATE_PASSWORDS");
		String ledger = "/api/v1/incidents/" + incident + "/checklist/steps/" + rotate[0] + "/ledger";

		HttpResponse<String> empty = status(staff, incident, rotate, "DONE", null);
		assertThat(empty.statusCode()).isEqualTo(409);
		assertThat(empty.body()).contains("台帳に記録してください");

		assertThat(
				staff
					.post(ledger,
							"{\"kind\": \"MAIL\", \"account\": \"info@kitamura-seiki.co.jp\", "
									+ "\"cleanDevice\": true}")
					.statusCode())
			.isEqualTo(201);
		HttpResponse<String> browser = staff.post(ledger,
				"{\"kind\": \"BROWSER\", \"account\": \"Chrome on PC-07\", \"cleanDevice\": false}");
		assertThat(browser.statusCode()).isEqualTo(201);
		assertThat(staff.post(ledger, "{\"kind\": \"MAIL\", \"account\": \"info@kitamura-seiki.co.jp\"}").statusCode())
			.as("one row per account")
			.isEqualTo(400);
		rotate = step(incident, "ROTATE_PASSWORDS");
		HttpResponse<String> unconfirmed = status(staff, incident, rotate, "DONE", null);
		assertThat(unconfirmed.statusCode()).isEqualTo(409);
		assertThat(unconfirmed.body()).contains("確認されていないアカウント");

		long row = this.jdbc.sql("SELECT id FROM credential_change WHERE step_id = ? AND NOT clean_device")
			.param(rotate[0])
			.query(Long.class)
			.single();
		assertThat(staff.post(ledger + "/" + row + "/confirm", "").body()).contains("\"cleanDevice\":true",
				"\"account\":\"Chrome on PC-07\"");
		assertThat(status(staff, incident, step(incident, "ROTATE_PASSWORDS"), "DONE", null).statusCode())
			.isEqualTo(200);
		assertThat(staff
			.post("/api/v1/incidents/" + incident + "/checklist/steps/" + step(incident, "AV_SCAN")[0] + "/ledger",
					"{\"kind\": \"MAIL\", \"account\": \"x\"}")
			.statusCode()).as("only password steps have a ledger").isEqualTo(409);
	}

	@Test
	void twoPeopleSavingTheSameStepDoNotOverwriteEachOther() {
		String first = Users.create(this.port, "MANAGER");
		long incident = newIncident(user(Users.create(this.port, "HELPDESK")));
		long[] triage = step(incident, "TRIAGE_HEADERS");

		HttpResponse<String> saved = status(user(first), incident, triage, "IN_PROGRESS", null);
		HttpResponse<String> stale = status(user(Users.create(this.port, "MANAGER")), incident, triage, "DONE", null);

		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("\"changedBy\":\"" + first + "\"");
		assertThat(step(incident, "TRIAGE_HEADERS")[1]).isEqualTo(triage[1] + 1);
	}

	@Test
	void evidenceIsCheckedForSizeAndTypeAndDownloadedByManagersOnlyAsAnAttachment() {
		String staffName = Users.create(this.port, "STAFF");
		Browser staff = new Browser(this.port);
		staff.signIn(staffName, Users.PASSWORD);
		long incident = newIncident(user(Users.create(this.port, "HELPDESK")));
		long other = newIncident(user(Users.create(this.port, "HELPDESK")));
		long[] scan = step(incident, "AV_SCAN");
		String page = "/incidents/" + incident + "/checklist/steps/" + scan[0];

		HttpResponse<String> noEvidence = status(user(staffName), incident, scan, "DONE", null);
		assertThat(noEvidence.statusCode()).isEqualTo(409);
		assertThat(noEvidence.body()).contains("証跡ファイル");

		assertThat(staff.get("/incidents/" + incident).body()).as("the row's done button leads to the upload first")
			.contains("href=\"" + page + "#evidence\"", "証跡を添付して完了");
		String stepPage = staff.get(page).body();
		assertThat(stepPage.indexOf("id=\"evidence\"")).as("evidence comes before the status form")
			.isLessThan(stepPage.indexOf(page + "/status"));
		assertThat(stepPage).contains("必須の項目をスキップできるのはマネージャーです");
		assertThat(upload(staff, page, "setup.exe", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))
			.contains("受け付けられない");
		assertThat(upload(staff, page, "scan.txt", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
			.as("HTML disguised as a log")
			.contains("受け付けられない");
		assertThat(upload(staff, page, "../../etc/scan.log",
				"2026-11-28 full scan: 0 threats\n".getBytes(StandardCharsets.UTF_8)))
			.contains("証跡ファイルを追加しました", "scan.log")
			.doesNotContain("../");
		assertThat(staff.get("/incidents/" + incident).body()).doesNotContain("href=\"" + page + "#evidence\"");
		assertThat(status(user(staffName), incident, step(incident, "AV_SCAN"), "DONE", null).statusCode())
			.isEqualTo(200);

		long evidence = this.jdbc.sql("SELECT id FROM step_evidence WHERE step_id = ?")
			.param(scan[0])
			.query(Long.class)
			.single();
		String download = page + "/evidence/" + evidence;
		assertThat(staff.get(download).statusCode()).isEqualTo(403);
		Browser manager = new Browser(this.port);
		manager.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);
		HttpResponse<String> file = manager.get(download);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("scan.log");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(manager.get("/incidents/" + other + "/checklist/steps/" + scan[0] + "/evidence/" + evidence)
			.statusCode()).as("an evidence id under another incident").isEqualTo(404);
		assertThat(manager.get("/incidents/" + other + "/checklist/steps/" + scan[0]).statusCode()).isEqualTo(404);
	}

	String upload(Browser browser, String page, String fileName, byte[] content) {
		HttpResponse<String> posted = browser.postMultipart(page + "/evidence", Map.of(), Map.of(fileName, content),
				"file");
		assertThat(posted.statusCode()).isEqualTo(302);
		return browser.get(page).body();
	}

	@Test
	void tickingAStepWithHtmxAnswersTheRowAndTheProgressAndAPlainPostRedirects() {
		String helpdeskName = Users.create(this.port, "HELPDESK");
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(helpdeskName, Users.PASSWORD);
		long incident = newIncident(user(helpdeskName));
		long[] obtain = step(incident, "OBTAIN_MAIL");
		String action = "/incidents/" + incident + "/checklist/steps/" + obtain[0] + "/status";
		String incidentPage = helpdesk.get("/incidents/" + incident).body();
		assertThat(incidentPage).contains("対応チェックリスト", "id=\"step-" + obtain[0] + "\"", "0 / 16");

		HttpResponse<String> row = helpdesk.htmxPost(action,
				Map.of("status", "DONE", "version", Long.toString(obtain[1])));
		assertThat(row.statusCode()).isEqualTo(200);
		assertThat(row.body().strip()).startsWith("<li id=\"step-" + obtain[0] + "\"")
			.contains("完了", helpdeskName + " が")
			.contains("id=\"checklist-progress\"", "hx-swap-oob=\"true\"", "1 / 16")
			.doesNotContain("<html");

		HttpResponse<String> stale = helpdesk.htmxPost(action,
				Map.of("status", "TODO", "version", Long.toString(obtain[1])));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("role=\"alert\"", helpdeskName);

		long[] triage = step(incident, "TRIAGE_HEADERS");
		HttpResponse<String> plain = helpdesk.post(
				"/incidents/" + incident + "/checklist/steps/" + triage[0] + "/status",
				Map.of("status", "BLOCKED", "version", Long.toString(triage[1]), "reason", ""));
		assertThat(plain.statusCode()).isEqualTo(302);
		assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith("#step-" + triage[0]);
		assertThat(helpdesk.get("/incidents/" + incident).body()).contains("スキップ・保留の理由を入力してください");

		HttpResponse<String> saved = helpdesk.post(
				"/incidents/" + incident + "/checklist/steps/" + triage[0] + "/status",
				Map.of("status", "IN_PROGRESS", "version", Long.toString(triage[1]), "back", "step"));
		assertThat(helpdesk.get(saved.headers().firstValue("Location").orElseThrow()).body())
			.contains("この項目の変更を保存しました。");
	}

	@Test
	void aStepRowShowsWhatPeopleTypedAsTextAndOffersTheReaderOnlyTheActionsTheyHave() {
		String helpdeskName = Users.create(this.port, "HELPDESK");
		ApiClient manager = user(Users.create(this.port, "MANAGER"));
		long incident = newIncident(user(helpdeskName));
		HttpResponse<String> added = user(helpdeskName).post("/api/v1/incidents/" + incident + "/checklist/steps",
				"{\"title\": \"<img src=x onerror=alert(1)> 取引先Aに電話\", \"phase\": \"NOTIFY\"}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		long adHoc = Long.parseLong(group(ID, added.body()));
		long[] triage = step(incident, "TRIAGE_HEADERS");
		assertThat(status(manager, incident, triage, "BLOCKED", "<b>回線断</b> & 再試行").statusCode()).isEqualTo(200);
		long[] obtain = step(incident, "OBTAIN_MAIL");
		assertThat(status(user(helpdeskName), incident, obtain, "DONE", null).statusCode()).isEqualTo(200);

		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(helpdeskName, Users.PASSWORD);
		String page = helpdesk.get("/incidents/" + incident).body();
		assertThat(row(page, adHoc))
			.contains("&lt;img src=x onerror=alert(1)&gt; 取引先Aに電話", "name=\"_csrf\"",
					"hx-post=\"/incidents/" + incident + "/checklist/steps/" + adHoc + "/status\"", "未着手")
			.doesNotContain("<img");
		assertThat(row(page, triage[0])).contains("text-bg-danger", "保留", "理由: &lt;b&gt;回線断&lt;/b&gt; &amp; 再試行")
			.doesNotContain("<b>");
		assertThat(row(page, obtain[0])).as("a done step: who finished it, nothing left to tick")
			.contains("text-bg-success", helpdeskName + " が")
			.doesNotContain("<form");

		Browser administrator = new Browser(this.port);
		administrator.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		assertThat(row(administrator.get("/incidents/" + incident + "?lang=en").body(), adHoc))
			.as("administrators read checklists but do not work on them")
			.contains("To do")
			.doesNotContain("<form", "Attach evidence");
	}

	/** One step's row of an incident page. */
	static String row(String page, long stepId) {
		int start = page.indexOf("<li id=\"step-" + stepId + "\"");
		assertThat(start).as("the row of step " + stepId).isNotNegative();
		return page.substring(start, page.indexOf("</li>", start));
	}

	@Test
	void myTasksListOpenStepsByDueTimeAndManagersSeeOverdueStepsByPerson() {
		String staffName = Users.create(this.port, "STAFF");
		String helpdeskName = Users.create(this.port, "HELPDESK");
		ApiClient helpdesk = user(helpdeskName);
		long late = newIncident(helpdesk, Instant.now().minus(Duration.ofDays(3)).toString());
		long[] lateStep = step(late, "AV_SCAN");
		long[] freshStep = step(newIncident(helpdesk), "CHECK_SENT_MAIL");
		for (long[] each : List.of(lateStep, freshStep)) {
			long incident = this.jdbc.sql("SELECT incident_id FROM checklist_step WHERE id = ?")
				.param(each[0])
				.query(Long.class)
				.single();
			HttpResponse<String> assigned = helpdesk.put(
					"/api/v1/incidents/" + incident + "/checklist/steps/" + each[0] + "/assignee",
					"{\"assignee\": \"" + staffName + "\", \"version\": " + each[1] + "}");
			assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		}

		String tasks = user(staffName).get("/api/v1/tasks").body();
		assertThat(tasks.indexOf("\"stepId\":" + lateStep[0])).isNotNegative()
			.isLessThan(tasks.indexOf("\"stepId\":" + freshStep[0]));
		assertThat(tasks).contains("\"overdue\":true", "\"overdue\":false");
		Browser manager = new Browser(this.port);
		manager.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);
		String overdue = manager.get("/tasks/overdue").body();
		assertThat(overdue).contains(staffName, "/checklist/steps/" + lateStep[0])
			.doesNotContain("/checklist/steps/" + freshStep[0] + "\"");
		Browser staff = new Browser(this.port);
		staff.signIn(staffName, Users.PASSWORD);
		assertThat(staff.get("/tasks").body()).contains("table-warning", "期限切れ");
		assertThat(staff.get("/tasks/overdue").statusCode()).isEqualTo(403);

		assertThat(notifications(staffName, "ASSIGNED")).isEqualTo(2);
		this.reminders.remind();
		this.reminders.remind();
		assertThat(notifications(staffName, "OVERDUE")).as("once, however often the reminder runs").isEqualTo(1);
		assertThat(staff.get("/notifications/bell").body()).contains(">3<");
	}

	@Test
	void aBacklogOfOverdueStepsIsRemindedInBatchesEachStepOnce() {
		String staffName = Users.create(this.port, "STAFF");
		long incident = newIncident(user(Users.create(this.port, "HELPDESK")));
		int backlog = StepReminders.BATCH * 2 + 17;
		this.jdbc.sql("""
				INSERT INTO checklist_step (checklist_id, incident_id, position, phase, title, default_role, required,
				                            evidence_required, status, assignee, due_at, updated_at, updated_by)
				SELECT c.id, c.incident_id, 100 + n, 'REVIEW', 'backlog ' || n, 'STAFF', false, false, 'TODO', ?,
				       now() - interval '3 days', now(), 'test'
				FROM checklist c CROSS JOIN generate_series(1, ?) AS n WHERE c.incident_id = ? AND c.active""")
			.params(staffName, backlog, incident)
			.update();

		this.reminders.remind();
		this.reminders.remind();

		assertThat(notifications(staffName, "OVERDUE")).as("every step once, across batches").isEqualTo(backlog);
	}

	int notifications(String username, String kind) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE username = ? AND kind = ?")
			.params(username, kind)
			.query(Integer.class)
			.single();
	}

	@Test
	void aStepOfAReplacedChecklistTakesNoMoreChanges() {
		ApiClient manager = user(Users.create(this.port, "MANAGER"));
		long incident = newIncident(user(Users.create(this.port, "HELPDESK")));
		long nameOnly = this.jdbc.sql("SELECT id FROM playbook WHERE code = 'name-abused-only'")
			.query(Long.class)
			.single();
		assertThat(manager
			.post("/api/v1/incidents/" + incident + "/checklist/playbook", "{\"playbookId\": " + nameOnly + "}")
			.statusCode()).isEqualTo(200);
		long[] oldStep = this.jdbc
			.sql("SELECT id, version FROM checklist_step WHERE incident_id = ? AND dormant AND status = 'TODO' "
					+ "ORDER BY position LIMIT 1")
			.param(incident)
			.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("version") })
			.single();
		long old = oldStep[0];

		// a second tab still open on the old checklist
		HttpResponse<String> done = status(manager, incident, oldStep, "DONE", null);
		HttpResponse<String> evidence = manager
			.send(manager.request("/api/v1/incidents/" + incident + "/checklist/steps/" + old + "/evidence")
				.header("Content-Type", "multipart/form-data; boundary=b")
				.POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"file\"; "
						+ "filename=\"scan.log\"\r\nContent-Type: text/plain\r\n\r\nscan ok\r\n--b--\r\n")));

		for (HttpResponse<String> refused : List.of(done, evidence)) {
			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(refused.body()).contains("この操作は今はできません", "別のプレイブックに切り替えられた");
		}
		assertThat(
				this.jdbc.sql("SELECT status FROM checklist_step WHERE id = ?").param(old).query(String.class).single())
			.isEqualTo("TODO");
		assertThat(this.jdbc.sql("SELECT count(*) FROM step_evidence WHERE step_id = ?")
			.param(old)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theCommissionsDeadlinesCountFromWhenTheLeakWasRecognised() {
		Instant reported = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		ApiClient helpdesk = user(Users.create(this.port, "HELPDESK"));
		long incident = newIncident(helpdesk, reported.toString());
		assertThat(dueOf(incident, "REPORT_PPC_QUICK")).as("until recorded: from the report")
			.isEqualTo(reported.plus(Duration.ofDays(3)));
		Instant recognised = reported.plus(Duration.ofHours(30));

		Browser browser = new Browser(this.port);
		browser.signIn(Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		long quick = step(incident, "REPORT_PPC_QUICK")[0];
		String page = browser.get("/incidents/" + incident + "/checklist/steps/" + quick).body();
		assertThat(page).contains("漏えいを知った日時", "name=\"recognisedAt\"");
		HttpResponse<String> recorded = browser
			.post("/incidents/" + incident + "/checklist/steps/" + quick + "/leak-recognised", Map.of("recognisedAt",
					java.time.LocalDateTime.ofInstant(recognised, java.time.ZoneId.of("Asia/Tokyo")).toString()));

		assertThat(recorded.statusCode()).isEqualTo(302);
		assertThat(dueOf(incident, "REPORT_PPC_QUICK")).isEqualTo(recognised.plus(Duration.ofDays(3)));
		assertThat(dueOf(incident, "REPORT_PPC_FINAL")).isEqualTo(recognised.plus(Duration.ofDays(60)));
		assertThat(dueOf(incident, "OBTAIN_MAIL")).as("other steps still count from the report")
			.isEqualTo(reported.plus(Duration.ofHours(1)));
		assertThat(browser.get("/incidents/" + incident + "/checklist/steps/" + quick).body())
			.contains("速報・確報の期日はここから数えています");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = ? AND action = 'LEAK_RECOGNISED'")
			.param(Long.toString(incident))
			.query(Integer.class)
			.single()).isEqualTo(1);

		HttpResponse<String> future = helpdesk.put("/api/v1/incidents/" + incident + "/checklist/leak-recognised",
				"{\"recognisedAt\": \"" + Instant.now().plus(Duration.ofDays(1)) + "\"}");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(future.body()).contains("\"field\":\"recognisedAt\"");
		assertThat(user(Users.create(this.port, "STAFF"))
			.put("/api/v1/incidents/" + incident + "/checklist/leak-recognised",
					"{\"recognisedAt\": \"" + recognised + "\"}")
			.statusCode()).as("staff do not plan the checklist").isEqualTo(403);

		long emotet = this.jdbc.sql("SELECT id FROM playbook WHERE code = 'spoofed-mail-emotet'")
			.query(Long.class)
			.single();
		HttpResponse<String> swapped = helpdesk.post("/api/v1/incidents/" + incident + "/checklist/playbook",
				"{\"playbookId\": " + emotet + ", \"language\": \"en\"}");
		assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(200);
		assertThat(dueOf(incident, "REPORT_PPC_FINAL")).as("a swapped checklist keeps the moment")
			.isEqualTo(recognised.plus(Duration.ofDays(60)));
	}

	private Instant dueOf(long incident, String kind) {
		return this.jdbc
			.sql("SELECT s.due_at FROM checklist_step s JOIN checklist c ON c.id = s.checklist_id AND c.active "
					+ "WHERE s.incident_id = ? AND s.kind = ?")
			.params(incident, kind)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	@Test
	void swappingThePlaybookCarriesDoneStepsOverByKind() {
		ApiClient manager = user(Users.create(this.port, "MANAGER"));
		long incident = newIncident(user(Users.create(this.port, "HELPDESK")));
		assertThat(status(manager, incident, step(incident, "OBTAIN_MAIL"), "DONE", null).statusCode()).isEqualTo(200);
		assertThat(status(manager, incident, step(incident, "ISOLATE_PC"), "DONE", null).statusCode()).isEqualTo(200);
		long nameOnly = this.jdbc.sql("SELECT id FROM playbook WHERE code = 'name-abused-only'")
			.query(Long.class)
			.single();

		HttpResponse<String> swapped = manager.post("/api/v1/incidents/" + incident + "/checklist/playbook",
				"{\"playbookId\": " + nameOnly + ", \"language\": \"ja\"}");

		assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(200);
		assertThat(swapped.body()).contains("\"name\":\"当社名の悪用（スキャンとパスワード確認あり）\"",
				"\"overall\":{\"finished\":1,\"total\":9}");
		assertThat(this.jdbc
			.sql("SELECT status FROM checklist_step s JOIN checklist c ON c.id = s.checklist_id "
					+ "AND c.active WHERE s.incident_id = ? AND s.kind = 'OBTAIN_MAIL'")
			.param(incident)
			.query(String.class)
			.single()).isEqualTo("DONE");
		assertThat(this.jdbc.sql("SELECT count(*) FROM checklist WHERE incident_id = ? AND NOT active")
			.param(incident)
			.query(Integer.class)
			.single()).as("the old checklist stays on record").isEqualTo(1);
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = ? AND action = 'CHECKLIST_SWAPPED'")
					.param(Long.toString(incident))
					.query(Integer.class)
					.single())
			.isEqualTo(1);
		assertThat(user(Users.create(this.port, "STAFF"))
			.post("/api/v1/incidents/" + incident + "/checklist/playbook", "{\"playbookId\": " + nameOnly + "}")
			.statusCode()).as("staff do not swap playbooks").isEqualTo(403);
	}

	@Test
	void editingAPlaybookMakesANewVersionAndLeavesStartedChecklistsAlone() {
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin.get("/admin/playbooks/new");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("nameJa", "訓練用プレイブック");
		fields.put("nameEn", "Drill playbook");
		fields.put("active", "true");
		fields.put("steps[0].position", "1");
		fields.put("steps[0].phase", "IDENTIFY");
		fields.put("steps[0].kind", "OBTAIN_MAIL");
		fields.put("steps[0].titleJa", "メールを入手する");
		fields.put("steps[0].titleEn", "Obtain the mail");
		fields.put("steps[0].defaultRole", "HELPDESK");
		fields.put("steps[0].dueHours", "2");
		fields.put("steps[0].required", "true");
		fields.put("steps[1].position", "2");
		fields.put("steps[1].phase", "REVIEW");
		fields.put("steps[1].titleJa", "振り返り");
		fields.put("steps[1].titleEn", "Review");
		fields.put("steps[1].defaultRole", "MANAGER");
		fields.put("steps[1].dueHours", "48");
		HttpResponse<String> created = admin.post("/admin/playbooks", fields);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String page = created.headers().firstValue("Location").orElseThrow();
		long playbook = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

		ApiClient helpdesk = user(Users.create(this.port, "HELPDESK"));
		ApiClient manager = user(Users.create(this.port, "MANAGER"));
		long before = newIncident(helpdesk);
		assertThat(manager
			.post("/api/v1/incidents/" + before + "/checklist/playbook", "{\"playbookId\": " + playbook + "}")
			.body()).contains("訓練用プレイブック", "\"total\":2");

		String form = admin.get(page).body();
		Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
		assertThat(version.find()).isTrue();
		assertThat(version.group(1)).isEqualTo("1");
		fields.put("version", "1");
		fields.put("nameJa", "訓練用プレイブック（改訂）");
		fields.put("steps[0].titleJa", "<script>alert(1)</script>メールを入手する");
		fields.put("steps[0].guidanceJa", "- 添付で入手\n- <b>開かない</b>");
		fields.put("steps[1].remove", "true");
		HttpResponse<String> saved = admin.post(page, fields);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

		HttpResponse<String> stale = admin.post(page, fields);
		assertThat(stale.body()).as("a second save from the same version").contains("他の人がこのプレイブックを保存しました");
		fields.put("steps[0].kind", "notify partners");
		fields.put("version", "2");
		assertThat(admin.post(page, fields).body()).contains("英大文字・数字・_ のみ");

		assertThat(this.jdbc.sql("SELECT count(*) FROM playbook_version WHERE playbook_id = ?")
			.param(playbook)
			.query(Integer.class)
			.single()).isEqualTo(2);
		long after = newIncident(helpdesk);
		assertThat(
				manager.post("/api/v1/incidents/" + after + "/checklist/playbook", "{\"playbookId\": " + playbook + "}")
					.body())
			.contains("訓練用プレイブック（改訂）", "\"total\":1");
		assertThat(helpdesk.get("/api/v1/incidents/" + before + "/checklist").body())
			.as("the earlier incident keeps its copy")
			.contains("\"name\":\"訓練用プレイブック\"", "\"total\":2");

		Browser staff = new Browser(this.port);
		staff.signIn(Users.create(this.port, "STAFF"), Users.PASSWORD);
		long stepId = step(after, "OBTAIN_MAIL")[0];
		String stepPage = staff.get("/incidents/" + after + "/checklist/steps/" + stepId).body();
		assertThat(stepPage)
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;メールを入手する", "<li>&lt;b&gt;開かない&lt;/b&gt;</li>")
			.doesNotContain("<script>alert(1)");
	}

	@Test
	void anAdministratorReadsChecklistsButDoesNotWorkOnThem() {
		long incident = newIncident(user(Users.create(this.port, "HELPDESK")));
		ApiClient admin = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);

		assertThat(admin.get("/api/v1/incidents/" + incident + "/checklist").statusCode()).isEqualTo(200);
		assertThat(status(admin, incident, step(incident, "OBTAIN_MAIL"), "DONE", null).statusCode()).isEqualTo(403);
		assertThat(admin
			.post("/api/v1/incidents/" + incident + "/checklist/steps", "{\"title\": \"追加\", \"phase\": \"REVIEW\"}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void anAdHocStepBelongsToOneIncidentAndCannotBeDueInThePast() {
		ApiClient staff = user(Users.create(this.port, "STAFF"));
		long incident = newIncident(user(Users.create(this.port, "HELPDESK")));

		HttpResponse<String> past = staff.post("/api/v1/incidents/" + incident + "/checklist/steps",
				"{\"title\": \"取引先Aに電話\", \"phase\": \"NOTIFY\", \"dueAt\": \"2020-01-01T00:00:00Z\"}");
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat(past.body()).contains("\"field\":\"dueAt\"");
		HttpResponse<String> required = staff.post("/api/v1/incidents/" + incident + "/checklist/steps",
				"{\"title\": \"取引先Aに電話\", \"phase\": \"NOTIFY\", \"required\": true}");
		assertThat(required.statusCode()).as("a required step would block closing: not staff's to add").isEqualTo(400);
		assertThat(required.body()).contains("\"field\":\"required\"");
		HttpResponse<String> added = staff.post("/api/v1/incidents/" + incident + "/checklist/steps",
				"{\"title\": \"取引先Aに電話\", \"phase\": \"NOTIFY\"}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		assertThat(added.body()).contains("\"adHoc\":true", "\"position\":17");
		assertThat(staff.get("/api/v1/incidents/" + incident + "/checklist").body()).contains("\"total\":17");
	}

	static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

	@Test
	void theIncidentPageOffersThePlaybookTheTriageHintSuggestsInOneClick() {
		ApiClient admin = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		assertThat(admin.put("/api/v1/settings/identity", """
				{"companyName": "北村精機株式会社", "domains": ["kitamura-seiki.co.jp"], "staff": [],
				 "receivingServers": ["mx1.kitamura-seiki.co.jp"], "sendingHosts": [],
				 "timeZone": "Asia/Tokyo", "workingHours": {"start": "08:00", "end": "20:00"}}""").statusCode())
			.isEqualTo(200);
		String managerName = Users.create(this.port, "MANAGER");
		ApiClient manager = user(managerName);
		long incident = newIncident(manager);
		byte[] mail = TestMail.from(TestMail.encodedWord("北村精機株式会社 営業部") + " <eigyo@cdn-upd.example.top>")
			.received("from cdn-upd.example.top (cdn-upd.example.top [203.0.113.77]) by mx1.kitamura-seiki.co.jp "
					+ "with ESMTP; Thu, 24 Nov 2022 13:41:00 +0900")
			.text("日程の件、添付をご確認ください。")
			.bytes();
		HttpResponse<String> attached = manager.send(manager.request("/api/v1/incidents/" + incident + "/mails")
			.header("Content-Type", "message/rfc822")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(mail)));
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);

		Browser browser = new Browser(this.port);
		browser.signIn(managerName, Users.PASSWORD);
		String page = browser.get("/incidents/" + incident).body();
		assertThat(page).contains("id=\"suggested-playbook\"", "判定のヒント「当社の名前の悪用」に合う手順は「当社名の悪用（スキャンとパスワード確認あり）」です。");
		assertThat(page).as("the triage names its mail and the next step")
			.contains("判断のもとにしたメール:", "(eigyo@cdn-upd.example.top)", "次にすること:", "取引先への注意喚起メールを準備してください。");
		long nameAbuse = this.jdbc.sql("SELECT id FROM playbook WHERE code = 'name-abused-only'")
			.query(Long.class)
			.single();
		assertThat(page).contains("name=\"playbookId\" value=\"" + nameAbuse + "\"");

		HttpResponse<String> used = browser.post("/incidents/" + incident + "/checklist/playbook",
				Map.of("playbookId", Long.toString(nameAbuse), "language", "ja", "confirmed", "true"));
		assertThat(used.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("""
				SELECT s.kind FROM checklist_step s JOIN checklist c ON c.id = s.checklist_id AND c.active
				WHERE s.incident_id = ? AND s.required ORDER BY s.position""")
			.param(incident)
			.query(String.class)
			.list()).as("the name-abuse playbook keeps the scan and the password check required")
			.contains("AV_SCAN", "ROTATE_PASSWORDS");
		assertThat(browser.get("/incidents/" + incident).body()).doesNotContain("id=\"suggested-playbook\"");
	}

	@Test
	void evidenceFilesOfACaseClosedLongerThanTheRetentionAreEmptiedAndTheRecordStays() {
		ApiClient manager = user(Users.create(this.port, "MANAGER"));
		long incident = newIncident(manager);
		long[] scan = step(incident, "AV_SCAN");
		this.jdbc.sql("""
				INSERT INTO step_evidence (step_id, incident_id, file_name, content_type, size_bytes, sha256, content,
				                           uploaded_by, uploaded_at)
				VALUES (?, ?, 'scan.log', 'text/plain', 24, 'abcdef0123456789', ?, 'staff', now())""")
			.params(scan[0], incident, "PC-01 山田: 0 threats".getBytes(StandardCharsets.UTF_8))
			.update();
		this.jdbc.sql("UPDATE incident SET status = 'CLOSED' WHERE id = ?").param(incident).update();
		this.jdbc.sql("""
				INSERT INTO incident_status_change (incident_id, from_status, to_status, changed_by, changed_at)
				VALUES (?, 'RECOVERED', 'CLOSED', 'manager', now() - interval '400 days')""").param(incident).update();

		assertThat(this.evidenceRetention.purge()).isGreaterThanOrEqualTo(1);

		assertThat(
				this.jdbc.sql("SELECT content IS NULL AND file_name = 'scan.log' FROM step_evidence WHERE step_id = ?")
					.param(scan[0])
					.query(Boolean.class)
					.single())
			.isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = ? AND action = 'EVIDENCE_PURGED'")
			.param(Long.toString(incident))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
