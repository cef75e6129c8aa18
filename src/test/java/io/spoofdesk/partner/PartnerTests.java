package io.spoofdesk.partner;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The partner directory: created and edited by helpdesk and managers, audited, never
 * overwritten.
 */
@ServerTest
class PartnerTests {

	static final String AOBA = """
			{"name": "青葉トレーディング株式会社", "nameKana": "あおばとれーでぃんぐ",
			 "domains": ["Aoba-Trading.co.jp"],
			 "contacts": [{"name": "鈴木 一郎", "email": "suzuki@aoba-trading.co.jp", "phone": "03-1234-5678",
			               "role": "営業部"}]}""";

	private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	PartnerDirectory directory;

	@Autowired
	JdbcClient jdbc;

	ApiClient as(String... roles) {
		return ApiClient.basic(this.port, Users.create(this.port, roles), Users.PASSWORD);
	}

	@Test
	void helpdeskCreatesAPartnerWithDomainsAndContacts() {
		HttpResponse<String> created = as("HELPDESK").post("/api/v1/partners", AOBA);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"domains\":[\"aoba-trading.co.jp\"]", "\"name\":\"鈴木 一郎\"",
				"\"version\":0");
		long id = idOf(created);
		PartnerView partner = this.directory.get(id);
		assertThat(partner.ownsDomain("mail.aoba-trading.co.jp")).isTrue();
		assertThat(partner.contacts()).singleElement()
			.satisfies(contact -> assertThat(contact.email()).isEqualTo("suzuki@aoba-trading.co.jp"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE target_type = 'Partner' AND target_id = ?")
			.param(Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void staffAndAdminsMayReadButNotEditPartners() {
		assertThat(as("STAFF").post("/api/v1/partners", AOBA).statusCode()).isEqualTo(403);
		assertThat(as("ADMIN").post("/api/v1/partners", AOBA).statusCode()).isEqualTo(403);
		assertThat(as("STAFF").get("/api/v1/partners").statusCode()).isEqualTo(200);
	}

	@Test
	void badInputIsReportedFieldByField() {
		HttpResponse<String> response = as("MANAGER").post("/api/v1/partners", """
				{"name": "", "domains": ["not a domain"],
				 "contacts": [{"name": "", "email": "not-an-address", "phone": "call me"}]}""");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"name\"", "\"field\":\"domains[0]\"",
				"\"field\":\"contacts[0].name\"", "\"field\":\"contacts[0].email\"", "\"field\":\"contacts[0].phone\"");
	}

	@Test
	void updateKeepsContactIdsAndAuditsEachChangedField() {
		ApiClient helpdesk = as("HELPDESK");
		HttpResponse<String> created = helpdesk.post("/api/v1/partners", AOBA);
		long id = idOf(created);
		long contactId = this.directory.get(id).contacts().get(0).id();

		HttpResponse<String> updated = helpdesk.put("/api/v1/partners/" + id, """
				{"name": "青葉トレーディング株式会社", "domains": ["aoba-trading.co.jp", "aoba.example"],
				 "contacts": [{"id": %d, "name": "鈴木 一郎", "email": "ichiro.suzuki@aoba-trading.co.jp"}],
				 "version": 0}""".formatted(contactId));

		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		assertThat(this.directory.get(id).contacts()).singleElement()
			.satisfies(contact -> assertThat(contact.id()).isEqualTo(contactId));
		assertThat(this.jdbc
			.sql("SELECT field FROM audit_event WHERE action = 'PARTNER_UPDATED' AND target_id = ?" + " ORDER BY id")
			.param(Long.toString(id))
			.query(String.class)
			.list()).containsExactly("nameKana", "domains", "contacts");
	}

	@Test
	void staleApiUpdateIsAConflictNamingWhoChangedItFirst() {
		String first = Users.create(this.port, "HELPDESK");
		ApiClient firstEditor = ApiClient.basic(this.port, first, Users.PASSWORD);
		long id = idOf(firstEditor.post("/api/v1/partners", AOBA));
		assertThat(firstEditor.put("/api/v1/partners/" + id, AOBA.replace("}]}", "}], \"version\": 0}")).statusCode())
			.isEqualTo(200);

		HttpResponse<String> stale = as("MANAGER").put("/api/v1/partners/" + id,
				AOBA.replace("}]}", "}], \"version\": 0}"));

		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("\"changedBy\":\"" + first + "\"");
	}

	@Test
	void helpdeskUsesThePagesToCreateFindAndEditAPartner() {
		Browser browser = new Browser(this.port);
		browser.signIn(Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		browser.get("/partners/new");

		HttpResponse<String> created = browser.post("/partners",
				Map.of("name", "株式会社みどり商事", "nameKana", "みどりしょうじ", "domains", "midori-shoji.jp\r\n", "contacts[0].name",
						"高橋 次郎", "contacts[0].email", "takahashi@midori-shoji.jp", "contacts[1].name", "", "notes",
						"月次で請求書をやり取り"));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(browser.get(location).body()).contains("取引先を登録しました", "高橋 次郎", "midori-shoji.jp");

		assertThat(browser.get("/partners?q=midori").body()).contains("株式会社みどり商事");
		assertThat(browser.get("/partners?q=" + enc("高橋")).body()).contains("株式会社みどり商事");
		assertThat(browser.get("/partners?q=" + enc("みどりしょう")).body()).contains("株式会社みどり商事");
	}

	@Test
	void pageKeepsWhatWasTypedAndShowsErrorsNextToFields() {
		Browser browser = new Browser(this.port);
		browser.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);
		browser.get("/partners/new");

		HttpResponse<String> response = browser.post("/partners", Map.of("name", "入力途中の会社", "domains",
				"ok.example\r\nbad domain", "contacts[0].name", "佐々木", "contacts[0].email", "nope"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("入力内容を確認してください", "ドメイン名の形式が正しくありません", "入力途中の会社", "佐々木", "is-invalid");
	}

	@Test
	void staleEditOnThePageShowsWhoChangedItAndWhen() {
		String first = Users.create(this.port, "HELPDESK");
		long id = idOf(ApiClient.basic(this.port, first, Users.PASSWORD).post("/api/v1/partners", AOBA));
		Browser browser = new Browser(this.port);
		browser.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);
		browser.get("/partners/" + id + "/edit");
		ApiClient.basic(this.port, first, Users.PASSWORD)
			.put("/api/v1/partners/" + id, AOBA.replace("}]}", "}], \"version\": 0}"));

		HttpResponse<String> response = browser.post("/partners/" + id,
				Map.of("name", "上書きしようとした名前", "domains", "aoba-trading.co.jp", "version", "0"));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains(first + " さんが", "再読み込み");
		assertThat(this.directory.get(id).name()).isEqualTo("青葉トレーディング株式会社");
	}

	@Test
	void mergingADuplicateMovesItsDomainsContactsAndIncidents() {
		ApiClient helpdesk = as("HELPDESK");
		long keep = idOf(helpdesk.post("/api/v1/partners", AOBA));
		long duplicate = idOf(helpdesk.post("/api/v1/partners", """
				{"name": "青葉トレーディング（重複）", "domains": ["aoba-trading.co.jp", "aoba-old.example"],
				 "contacts": [{"name": "佐藤 次郎", "email": "sato@aoba-old.example"}]}"""));
		long contactId = this.directory.get(duplicate).contacts().get(0).id();
		HttpResponse<String> incident = helpdesk.post("/api/v1/incidents", """
				{"title": "重複側の相談", "partnerId": %d, "contactId": %d, "channel": "PHONE", "severity": "LOW",
				 "impersonatedAddresses": [], "reportedAt": "2026-11-20T01:30:00Z"}""".formatted(duplicate, contactId));
		assertThat(incident.statusCode()).as(incident.body()).isEqualTo(201);
		Browser browser = new Browser(this.port);
		browser.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);
		// the others on offer, each with its domains; never the partner itself
		assertThat(browser.get("/partners/" + keep).body())
			.contains("data-confirm=",
					"<option value=\"" + duplicate + "\">青葉トレーディング（重複） (aoba-old.example, aoba-trading.co.jp)</option>")
			.doesNotContain("<option value=\"" + keep + "\"");

		browser.post("/partners/" + keep + "/merge", Map.of("duplicateId", Long.toString(duplicate)));

		PartnerView kept = this.directory.get(keep);
		assertThat(kept.domains()).containsExactlyInAnyOrder("aoba-trading.co.jp", "aoba-old.example");
		assertThat(kept.contacts()).extracting(PartnerView.Contact::id).contains(contactId);
		assertThat(this.directory.find(duplicate)).isEmpty();
		assertThat(incident.body()).contains("\"partnerId\":" + duplicate);
		assertThat(helpdesk.get("/api/v1/incidents?partnerId=" + keep).body()).contains("重複側の相談");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PARTNER_MERGED'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	private static long idOf(HttpResponse<String> response) {
		Matcher matcher = ID.matcher(response.body());
		assertThat(matcher.find()).as(response.body()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
