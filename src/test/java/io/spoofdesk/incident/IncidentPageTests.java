package io.spoofdesk.incident;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

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
 * A helpdesk on the phone logs a report; the case is worked, closed and its history kept.
 */
@ServerTest
class IncidentPageTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser signedIn(String... roles) {
		Browser browser = new Browser(this.port);
		browser.signIn(Users.create(this.port, roles), Users.PASSWORD);
		return browser;
	}

	static Map<String, String> report(String title, String newPartner, String impersonated) {
		Map<String, String> form = new HashMap<>();
		form.put("title", title);
		form.put("newPartnerName", newPartner);
		form.put("channel", "PHONE");
		form.put("severity", "HIGH");
		form.put("impersonated", impersonated);
		form.put("reportedAt", "2026-11-27T10:15");
		form.put("summary", "請求書を装ったメールが届いたとの電話");
		return form;
	}

	String open(Browser browser, Map<String, String> form) {
		browser.get("/incidents/new");
		HttpResponse<String> created = browser.post("/incidents", form);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		return created.headers().firstValue("Location").orElseThrow();
	}

	@Test
	void theSameReportFormSentTwiceFilesOneIncident() {
		Browser helpdesk = signedIn("HELPDESK");
		String form = helpdesk.get("/incidents/new").body();
		String token = form.replaceAll("(?s).*name=\"submission\" value=\"([^\"]+)\".*", "$1");
		assertThat(token).hasSize(36);
		Map<String, String> fields = report("二重送信の確認", "二重送信商事", "info@kitamura-seiki.co.jp");
		fields.put("submission", token);

		HttpResponse<String> first = helpdesk.post("/incidents", fields);
		helpdesk.get(first.headers().firstValue("Location").orElseThrow()); // as a
																			// browser
																			// follows it
		HttpResponse<String> again = helpdesk.post("/incidents", fields); // Back, and 登録
																			// again

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM incident WHERE title = '二重送信の確認'").query(Integer.class).single())
			.isEqualTo(1);
		assertThat(helpdesk.get(again.headers().firstValue("Location").orElseThrow()).body())
			.contains("この報告はすでに登録済みです");
		assertThat(helpdesk.get("/incidents/new").body()).as("a new form, a new token").doesNotContain(token);
	}

	@Test
	void theHistorySpeaksTheUsersLanguageNotCodes() {
		Browser helpdesk = signedIn("HELPDESK");
		String location = open(helpdesk, report("履歴の表示", "履歴商事", "info@kitamura-seiki.co.jp"));
		long incident = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		io.spoofdesk.support.ApiClient api = io.spoofdesk.support.ApiClient.basic(this.port,
				Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		assertThat(api.post("/api/v1/incidents/" + incident + "/status", "{\"status\": \"TRIAGED\"}").statusCode())
			.isEqualTo(200);

		String history = helpdesk.get(location)
			.body()
			.replaceAll("(?s).*<h2 class=\"h5\">履歴</h2>(.*?)</table>.*", "$1");

		assertThat(history).contains("<td>ステータス</td>", ">新規</td>", ">トリアージ済み</td>", "<td>管理番号</td>")
			.doesNotContain("<td>status</td>", ">TRIAGED</td>", "<td>reference</td>");
		assertThat(signedIn("HELPDESK").acceptLanguage("en").get(location + "?lang=en").body())
			.contains("<td>Status</td>", ">Triaged</td>");
	}

	@Test
	void aFirstTimeCallerBecomesAContactOfThePartnerWithTheReport() {
		Browser helpdesk = signedIn("HELPDESK");
		Map<String, String> form = report("初めての方からの電話", "初連絡商事", "info@kitamura-seiki.co.jp");
		form.put("callerName", "営業部 高橋");
		form.put("callerPhone", "03-9876-5432");
		form.put("callerEmail", "takahashi@hatsurenraku.example.jp");

		String location = open(helpdesk, form);

		long incident = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.jdbc.sql("""
				SELECT c.name || ' ' || c.phone || ' ' || c.email FROM incident i
				JOIN partner_contact c ON c.id = i.contact_id AND c.partner_id = i.partner_id WHERE i.id = ?""")
			.param(incident)
			.query(String.class)
			.single()).isEqualTo("営業部 高橋 03-9876-5432 takahashi@hatsurenraku.example.jp");
	}

	@Test
	void anImpersonatedIdentityMayBeANameWithoutAnAddress() {
		Browser helpdesk = signedIn("HELPDESK");
		String location = open(helpdesk,
				report("名前だけのなりすまし", "", "info@kitamura-seiki.co.jp\n営業部 山田\nsato@kitamura-seiki.co.jp"));

		long incident = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.jdbc
			.sql("SELECT array_to_string(impersonated_addresses, ' ') || ' | ' "
					+ "|| array_to_string(impersonated_names, ' ') FROM incident WHERE id = ?")
			.param(incident)
			.query(String.class)
			.single()).isEqualTo("info@kitamura-seiki.co.jp sato@kitamura-seiki.co.jp | 営業部 山田");
		assertThat(helpdesk.get(location).body()).contains("営業部 山田");
	}

	@Test
	void aNulCharacterInAFormFieldIsDroppedNotFatal() {
		Browser helpdesk = signedIn("HELPDESK");
		String location = open(helpdesk, report("NUL\u0000を含む件名", "", ""));
		helpdesk.get(location);

		HttpResponse<String> note = helpdesk.post(location + "/notes", Map.of("body", "貼り付け\u0000た本文"));

		assertThat(note.statusCode()).as("PostgreSQL cannot store U+0000: it was a 500").isEqualTo(302);
		long id = Long.parseLong(location.replaceAll(".*/", ""));
		assertThat(this.jdbc.sql("SELECT title FROM incident WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("NULを含む件名");
		assertThat(this.jdbc.sql("SELECT body FROM incident_note WHERE incident_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("貼り付けた本文");
	}

	@Test
	void helpdeskLogsAPhoneReportForANewPartnerAndWorksTheCaseToClosure() {
		Browser helpdesk = signedIn("HELPDESK");
		String newForm = helpdesk.get("/incidents/new").body();
		assertThat(newForm).contains("value=\"PHONE\" selected", "value=\"MEDIUM\" selected");

		String location = open(helpdesk, report("青空物産から不審メールの連絡", "青空物産株式会社", "info@kitamura-seiki.co.jp"));
		String page = helpdesk.get(location).body();
		assertThat(page).contains("インシデントを登録しました", "青空物産から不審メールの連絡", "青空物産株式会社", "新規", "info@kitamura-seiki.co.jp",
				"2026-11-27 10:15");
		assertThat(helpdesk.get("/incidents").body()).contains("青空物産から不審メールの連絡");

		helpdesk.post(location + "/status", Map.of("status", "TRIAGED"));
		helpdesk.post(location + "/status", Map.of("status", "RECOVERED"));
		helpdesk.get(location);
		helpdesk.post(location + "/notes", Map.of("body", "全社員に注意喚起済み"));
		assertThat(helpdesk.get(location).body()).contains("復旧済み", "全社員に注意喚起済み").doesNotContain("完了 にする");

		Browser manager = signedIn("MANAGER");
		assertThat(manager.get(location).body()).contains("完了 にする");
		TestChecklists.finishAllSteps(this.jdbc, Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
		manager.post(location + "/status", Map.of("status", "CLOSED"));
		String closed = manager.get(location).body();
		assertThat(closed).contains("ステータスを変更しました", "完了", "トリアージ済み", "復旧済み", "メモ追加");
	}

	@Test
	void refusedStatusChangeIsExplainedOnTheCasePage() {
		Browser helpdesk = signedIn("HELPDESK");
		String location = open(helpdesk, report("理由なしで戻す", "テスト商会", "a@kitamura-seiki.co.jp"));
		helpdesk.get(location);
		helpdesk.post(location + "/status", Map.of("status", "TRIAGED"));
		helpdesk.get(location);

		HttpResponse<String> refused = helpdesk.post(location + "/status", Map.of("status", "NEW", "reason", ""));
		assertThat(refused.statusCode()).isEqualTo(302);

		assertThat(helpdesk.get(location).body()).contains("このステータス変更には理由の入力が必要です", "トリアージ済み");
	}

	@Test
	void formKeepsWhatWasTypedAndMarksTheBadFields() {
		Browser helpdesk = signedIn("HELPDESK");
		helpdesk.get("/incidents/new");
		Map<String, String> form = report("", "", "not an address");

		HttpResponse<String> response = helpdesk.post("/incidents", form);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("入力内容を確認してください", "is-invalid", "not an address", "請求書を装ったメールが届いたとの電話");
	}

	@Test
	void validationMessagesNameTheFieldAndItsLimitAndTheInputsCarryThem() {
		Browser helpdesk = signedIn("HELPDESK");
		String empty = helpdesk.get("/incidents/new").body();
		assertThat(empty).contains("maxlength=\"200\" required=\"required\" id=\"title\"");

		HttpResponse<String> response = helpdesk.post("/incidents",
				report("長".repeat(201), "上限商事", "a@kitamura-seiki.co.jp"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("件名は200文字以内で入力してください。", "href=\"#title\"");
	}

	@Test
	void secondReportOfTheSameAddressSuggestsADuplicateThatCanBeLinked() {
		Browser helpdesk = signedIn("HELPDESK");
		String first = open(helpdesk, report("一件目", "重複商事", "ceo@kitamura-seiki.co.jp"));
		String second = open(helpdesk, report("二件目", "重複物産", "CEO@kitamura-seiki.co.jp"));
		String reference = helpdesk.get(first).body().replaceAll("(?s).*?(INC-\\d{4}-\\d{4,}).*", "$1");

		assertThat(helpdesk.get(second).body()).contains("重複の可能性があります", reference);
		helpdesk.post(second + "/links", Map.of("reference", reference));

		String linked = helpdesk.get(second).body();
		assertThat(linked).contains("関連するインシデントとしてリンクしました").doesNotContain("重複の可能性があります");
		assertThat(helpdesk.get(first).body()).contains("二件目");
	}

	@Test
	void staleEditShowsWhoChangedTheCaseFirst() {
		Browser first = signedIn("HELPDESK");
		String location = open(first, report("同時編集", "同時編集商事", "x@kitamura-seiki.co.jp"));
		Browser second = signedIn("MANAGER");
		String editPage = second.get(location + "/edit").body();
		assertThat(editPage).contains("name=\"version\" value=\"0\"");
		first.get(location + "/edit");
		Map<String, String> changed = report("同時編集（先に保存）", "", "x@kitamura-seiki.co.jp");
		changed.put("version", "0");
		assertThat(first.post(location, changed).statusCode()).isEqualTo(302);

		Map<String, String> stale = report("同時編集（後から保存）", "", "x@kitamura-seiki.co.jp");
		stale.put("version", "0");
		HttpResponse<String> response = second.post(location, stale);

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("さんが", "再読み込み");
		assertThat(second.get(location).body()).contains("同時編集（先に保存）");
	}

	@Test
	void managerExportsTheFilteredListForExcel() {
		Browser helpdesk = signedIn("HELPDESK");
		open(helpdesk, report("=HYPERLINK(\"http://evil.example\")", "CSV商事", "csv@kitamura-seiki.co.jp"));

		Browser manager = signedIn("MANAGER");
		HttpResponse<String> csv = manager.get("/incidents/export.csv?impersonated=csv@kitamura-seiki.co.jp");

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		assertThat(csv.body()).startsWith("\uFEFF管理番号,件名,ステータス,重大度,");
		assertThat(csv.body())
			.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", "CSV商事", ",新規,高,", ",NEW,HIGH,PHONE")
			.doesNotContain(",=HYPERLINK");
		manager.get("/incidents?lang=en");
		assertThat(manager.get("/incidents/export.csv?impersonated=csv@kitamura-seiki.co.jp").body())
			.startsWith("\uFEFFReference,Title,Status,Severity,")
			.contains(",New,High,");
		assertThat(helpdesk.get("/incidents/export.csv").statusCode()).as("exports are for managers").isEqualTo(403);
	}

	@Test
	void listFiltersByStatusAndSearchesJapanese() {
		Browser helpdesk = signedIn("HELPDESK");
		open(helpdesk, report("発注書の件で連絡", "発注商事", "order@kitamura-seiki.co.jp"));

		assertThat(helpdesk.get("/incidents?q=" + IncidentApiTests.enc("発注")).body()).contains("発注書の件で連絡");
		assertThat(helpdesk.get("/incidents?q=" + IncidentApiTests.enc("発注") + "&status=CLOSED").body())
			.doesNotContain("発注書の件で連絡");
		assertThat(helpdesk.get("/incidents?q=" + IncidentApiTests.enc("発注") + "&status=CLOSED&from=2026-01-01").body())
			.as("the filter form keeps what was chosen")
			.contains("value=\"CLOSED\" selected=\"selected\"", "name=\"from\" value=\"2026-01-01\"",
					"name=\"q\" value=\"発注\"");
		String fragment = helpdesk
			.send(helpdesk.request("/incidents?q=" + IncidentApiTests.enc("発注"))
				.header("HX-Request", "true")
				.GET()
				.build())
			.body();
		assertThat(fragment).contains("発注書の件で連絡").doesNotContain("<nav");
	}

	@Test
	void theListEscapesWhatUsersTyped() {
		Browser helpdesk = signedIn("HELPDESK");
		open(helpdesk, report("<script>alert('x')</script>\"><img src=x onerror=alert(1)> 請求", "<b>悪意</b>商事",
				"xss@kitamura-seiki.co.jp"));

		String list = helpdesk.get("/incidents?q=" + IncidentApiTests.enc("請求")).body();

		assertThat(list)
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
					"&lt;b&gt;悪意&lt;/b&gt;商事")
			.doesNotContain("<script>alert('x')", "<img src=x", "<b>悪意");
	}

}
