package io.spoofdesk.incident;

import java.net.http.HttpResponse;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.TestChecklists;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/incidents}: open, describe, move through states, notes, search; all
 * audited.
 */
@ServerTest
class IncidentApiTests {

	private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

	private static final Pattern REFERENCE = Pattern.compile("\"reference\":\"(INC-\\d{4}-\\d{4,})\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static String report(String title, String summary, String address) {
		return """
				{"title": "%s", "channel": "PHONE", "severity": "HIGH", "summary": "%s",
				 "impersonatedAddresses": ["%s"], "reportedAt": "2026-11-20T01:30:00Z"}""".formatted(title, summary,
				address);
	}

	ApiClient user(String... roles) {
		return ApiClient.basic(this.port, Users.create(this.port, roles), Users.PASSWORD);
	}

	@Test
	void openedIncidentGetsTheNextReferenceOfTheYearAndIsAudited() {
		HttpResponse<String> created = user("HELPDESK").post("/api/v1/incidents",
				report("取引先から不審メールの連絡", "請求書を装ったメール", "Sales@Kitamura-Seiki.co.jp"));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		int year = Year.now(ZoneId.of("Asia/Tokyo")).getValue();
		assertThat(group(REFERENCE, created.body())).matches("INC-" + year + "-\\d{4,}");
		assertThat(created.body()).contains("\"status\":\"NEW\"",
				"\"impersonatedAddresses\":[\"sales@kitamura-seiki.co.jp\"]");
		long id = Long.parseLong(group(ID, created.body()));
		assertThat(this.jdbc.sql("SELECT action FROM audit_event WHERE target_type = 'Incident' AND target_id = ?")
			.param(Long.toString(id))
			.query(String.class)
			.list()).as("the checklist starts from the incident's event, in the same transaction")
			.containsExactlyInAnyOrder("INCIDENT_CREATED", "CHECKLIST_STARTED");
	}

	@Test
	void concurrentReportsGetDistinctGapFreeReferences() throws Exception {
		ApiClient helpdesk = user("HELPDESK");
		ApiClient manager = user("MANAGER");
		List<Future<HttpResponse<String>>> results = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int i = 0; i < 24; i++) {
				ApiClient client = (i % 2 == 0) ? helpdesk : manager;
				int n = i;
				results.add(pool.submit(() -> client.post("/api/v1/incidents", report("同時受付 " + n, "", "a@b.jp"))));
				if (i == 12) {
					// A failed creation in the middle must give its number back.
					results.add(pool.submit(() -> client.post("/api/v1/incidents", report("失敗する受付", "", "a@b.jp")
						.replace("\"channel\"", "\"partnerId\": 987654, \"channel\""))));
				}
			}
		}
		finally {
			pool.shutdown();
		}
		List<Integer> numbers = new ArrayList<>();
		int refused = 0;
		for (Future<HttpResponse<String>> result : results) {
			HttpResponse<String> response = result.get();
			if (response.statusCode() == 201) {
				String reference = group(REFERENCE, response.body());
				numbers.add(Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1)));
			}
			else {
				assertThat(response.statusCode()).isEqualTo(409);
				refused++;
			}
		}
		assertThat(refused).isEqualTo(1);
		assertThat(numbers).hasSize(24).doesNotHaveDuplicates();
		int max = numbers.stream().max(Integer::compare).orElseThrow();
		int min = numbers.stream().min(Integer::compare).orElseThrow();
		assertThat(max - min + 1).as("no gaps").isEqualTo(24);
	}

	@Test
	void caseMovesThroughItsStatesWithTheRightRolesAndReasons() {
		ApiClient helpdesk = user("HELPDESK");
		ApiClient manager = user("MANAGER");
		long id = Long.parseLong(group(ID, helpdesk.post("/api/v1/incidents", report("状態遷移", "", "x@y.jp")).body()));
		String path = "/api/v1/incidents/" + id + "/status";

		assertThat(helpdesk.post(path, "{\"status\": \"TRIAGED\"}").statusCode()).isEqualTo(200);
		assertThat(helpdesk.post(path, "{\"status\": \"CLOSED\"}").statusCode()).as("illegal jump").isEqualTo(409);
		assertThat(helpdesk.post(path, "{\"status\": \"CONTAINED\"}").statusCode()).isEqualTo(200);
		HttpResponse<String> noReason = helpdesk.post(path, "{\"status\": \"TRIAGED\"}");
		assertThat(noReason.statusCode()).isEqualTo(409);
		assertThat(noReason.body()).contains("理由");
		assertThat(helpdesk.post(path, "{\"status\": \"TRIAGED\", \"reason\": \"PC 隔離は不要と判明\"}").statusCode())
			.isEqualTo(200);
		assertThat(helpdesk.post(path, "{\"status\": \"RECOVERED\"}").statusCode()).isEqualTo(200);
		assertThat(helpdesk.post(path, "{\"status\": \"CLOSED\"}").statusCode()).as("helpdesk may not close")
			.isEqualTo(403);
		assertThat(user("STAFF").post(path, "{\"status\": \"CLOSED\"}").statusCode()).isEqualTo(403);
		TestChecklists.finishAllSteps(this.jdbc, id);
		assertThat(manager.post(path, "{\"status\": \"CLOSED\"}").statusCode()).isEqualTo(200);
		assertThat(manager.post(path, "{\"status\": \"TRIAGED\"}").statusCode()).as("reopen needs a reason")
			.isEqualTo(409);
		HttpResponse<String> reopened = manager.post(path, "{\"status\": \"TRIAGED\", \"reason\": \"再発の連絡\"}");
		assertThat(reopened.body()).contains("\"status\":\"TRIAGED\"");

		assertThat(this.jdbc.sql("""
				SELECT old_value || '>' || new_value FROM audit_event
				WHERE target_type = 'Incident' AND target_id = ? AND action = 'STATUS_CHANGED' ORDER BY id""")
			.param(Long.toString(id))
			.query(String.class)
			.list()).containsExactly("NEW>TRIAGED", "TRIAGED>CONTAINED", "CONTAINED>TRIAGED (PC 隔離は不要と判明)",
					"TRIAGED>RECOVERED", "RECOVERED>CLOSED", "CLOSED>TRIAGED (再発の連絡)");
	}

	@Test
	void staleUpdateIsAConflictAndFreshOneIsAuditedFieldByField() {
		ApiClient helpdesk = user("HELPDESK");
		HttpResponse<String> created = helpdesk.post("/api/v1/incidents", report("更新テスト", "", "x@y.jp"));
		long id = Long.parseLong(group(ID, created.body()));
		String update = report("更新テスト（修正）", "概要を追記", "x@y.jp").replace("\"reportedAt\"",
				"\"version\": 0, \"reportedAt\"");

		assertThat(helpdesk.put("/api/v1/incidents/" + id, update).statusCode()).isEqualTo(200);
		HttpResponse<String> stale = user("MANAGER").put("/api/v1/incidents/" + id, update);

		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("changedBy");
		assertThat(this.jdbc
			.sql("SELECT field FROM audit_event WHERE target_id = ? AND action = 'INCIDENT_UPDATED'"
					+ " AND target_type = 'Incident' ORDER BY id")
			.param(Long.toString(id))
			.query(String.class)
			.list()).containsExactly("title", "summary");
	}

	@Test
	void searchFindsTwoAndThreeCharacterJapaneseWordsAndEnglishWords() {
		ApiClient helpdesk = user("HELPDESK");
		String title = group(ID, helpdesk.post("/api/v1/incidents", report("請求の件で不審メール", "", "s1@k.jp")).body());
		String summary = group(ID,
				helpdesk.post("/api/v1/incidents", report("不審メール", "添付の見積書を開いてしまった", "s2@k.jp")).body());
		String noted = group(ID, helpdesk.post("/api/v1/incidents", report("連絡あり", "", "s3@k.jp")).body());
		helpdesk.post("/api/v1/incidents/" + noted + "/notes", "{\"body\": \"Emotet の INVOICE 添付を確認\"}");

		assertThat(ids(helpdesk.get("/api/v1/incidents?q=" + enc("請求")).body())).contains(title)
			.doesNotContain(summary, noted);
		assertThat(ids(helpdesk.get("/api/v1/incidents?q=" + enc("見積書")).body())).contains(summary)
			.doesNotContain(title, noted);
		assertThat(ids(helpdesk.get("/api/v1/incidents?q=invoice").body())).contains(noted)
			.doesNotContain(title, summary);
		assertThat(ids(helpdesk.get("/api/v1/incidents?q=" + enc("発注")).body())).doesNotContain(title, summary, noted);
	}

	@Test
	void aReportWithoutATimeIsReportedNowAndWithoutAddressesImpersonatesNone() {
		ApiClient helpdesk = user("HELPDESK");
		java.time.Instant before = java.time.Instant.now().minusSeconds(1);

		HttpResponse<String> created = helpdesk.post("/api/v1/incidents",
				"{\"title\": \"電話で連絡\", \"channel\": \"PHONE\", \"severity\": \"LOW\"}");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"impersonatedAddresses\":[]");
		java.time.Instant reported = java.time.Instant
			.parse(created.body().replaceAll(".*\"reportedAt\":\"([^\"]+)\".*", "$1"));
		assertThat(reported).isBetween(before, java.time.Instant.now().plusSeconds(1));
	}

	@Test
	void oneCharacterWordsAreNotSearchedAndAnOverlongCursorIsIgnored() {
		ApiClient helpdesk = user("HELPDESK");
		String only = group(ID, helpdesk.post("/api/v1/incidents", report("短い語", "", "short@k.jp")).body());

		assertThat(ids(helpdesk.get("/api/v1/incidents?impersonated=short@k.jp&q=" + enc("請")).body()))
			.as("a one-character word would read every row: it is left out")
			.containsExactly(only);
		HttpResponse<String> cursor = helpdesk.get("/api/v1/incidents?after=99999999999999999999_1");
		assertThat(cursor.statusCode()).as("20 digits were a 500").isEqualTo(200);
		Browser browser = new Browser(this.port);
		browser.signIn(Users.create(this.port, "STAFF"), Users.PASSWORD);
		assertThat(browser.get("/incidents?q=" + enc("請")).body()).contains("1文字の語は検索に使いません");
	}

	@Test
	void filtersCombineAndPagesContinueWithTheCursor() {
		ApiClient helpdesk = user("HELPDESK");
		for (int i = 0; i < 3; i++) {
			helpdesk.post("/api/v1/incidents", report("フィルタ " + i, "", "filter@k.jp").replace("\"HIGH\"", "\"LOW\""));
		}
		String all = helpdesk.get("/api/v1/incidents?impersonated=filter@k.jp&severity=LOW").body();
		assertThat(ids(all)).hasSize(3);
		assertThat(ids(helpdesk.get("/api/v1/incidents?impersonated=filter@k.jp&severity=HIGH").body())).isEmpty();
		assertThat(ids(helpdesk.get("/api/v1/incidents?impersonated=filter@k.jp&status=TRIAGED").body())).isEmpty();
		assertThat(ids(helpdesk.get("/api/v1/incidents?impersonated=filter@k.jp&from=2026-11-20&to=2026-11-20").body()))
			.hasSize(3);
		assertThat(ids(helpdesk.get("/api/v1/incidents?impersonated=filter@k.jp&from=2026-11-21").body())).isEmpty();
	}

	@Test
	void unknownPartnerAndBadAddressesAreRefusedAndNothingIsSaved() {
		ApiClient helpdesk = user("HELPDESK");
		long before = this.jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();

		HttpResponse<String> bad = helpdesk.post("/api/v1/incidents", """
				{"title": "", "channel": "PHONE", "severity": "HIGH", "impersonatedAddresses": ["not-an-address"],
				 "reportedAt": "2026-11-20T01:30:00Z"}""");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"title\"", "\"field\":\"impersonatedAddresses[0]\"", "件名を入力してください。",
				"なりすまされたアドレスはメールアドレスの形式");
		assertThat(helpdesk
			.post("/api/v1/incidents",
					report("x", "", "a@b.jp").replace("\"channel\"", "\"partnerId\": 987654, \"channel\""))
			.statusCode()).isEqualTo(409);
		assertThat(this.jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void relatedIncidentsAreLinkedByReferenceThroughTheApiAsOnThePage() {
		ApiClient helpdesk = user("HELPDESK");
		HttpResponse<String> first = helpdesk.post("/api/v1/incidents", report("同じ攻撃 1", "", "link@k.jp"));
		HttpResponse<String> second = helpdesk.post("/api/v1/incidents", report("同じ攻撃 2", "", "link@k.jp"));
		String firstId = group(ID, first.body());
		String secondReference = group(REFERENCE, second.body());

		HttpResponse<String> linked = helpdesk.post("/api/v1/incidents/" + firstId + "/links",
				"{\"reference\": \"" + secondReference.toLowerCase(java.util.Locale.ROOT) + "\"}");

		assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
		assertThat(linked.body()).contains("\"reference\":\"" + secondReference + "\"");
		assertThat(helpdesk.get("/api/v1/incidents/" + group(ID, second.body()) + "/links").body()).as("both ways")
			.contains(group(REFERENCE, first.body()));
		assertThat(helpdesk.post("/api/v1/incidents/" + firstId + "/links", "{\"reference\": \"INC-1999-0001\"}")
			.statusCode()).isEqualTo(409);
		assertThat(user("STAFF")
			.post("/api/v1/incidents/" + firstId + "/links", "{\"reference\": \"" + secondReference + "\"}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void staffAddNotesButDoNotOpenCases() {
		ApiClient staff = user("STAFF");
		assertThat(staff.post("/api/v1/incidents", report("x", "", "a@b.jp")).statusCode()).isEqualTo(403);
		String id = group(ID, user("HELPDESK").post("/api/v1/incidents", report("メモ", "", "a@b.jp")).body());
		assertThat(staff.post("/api/v1/incidents/" + id + "/notes", "{\"body\": \"ウイルス対策ソフトを更新\"}").statusCode())
			.isEqualTo(201);
		assertThat(staff.get("/api/v1/incidents/" + id + "/notes").body()).contains("ウイルス対策ソフトを更新");
		assertThat(user("ADMIN").post("/api/v1/incidents/" + id + "/notes", "{\"body\": \"x\"}").statusCode())
			.isEqualTo(403);
		assertThat(staff.get("/api/v1/incidents/99999999").statusCode()).isEqualTo(404);
	}

	static List<String> ids(String body) {
		return Pattern.compile("\\{\"id\":(\\d+)").matcher(body).results().map(match -> match.group(1)).toList();
	}

	static String group(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
