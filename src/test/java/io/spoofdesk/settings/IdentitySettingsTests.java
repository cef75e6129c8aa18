package io.spoofdesk.settings;

import java.net.http.HttpResponse;
import java.util.Map;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who "we" are: read and changed by admins on a page and through the API; every change
 * audited.
 */
@ServerTest
class IdentitySettingsTests {

	static final String KITAMURA = """
			{"companyName": "北村精機株式会社", "domains": ["Kitamura-Seiki.co.jp"],
			 "staff": [{"name": "北村 博", "email": "kitamura@kitamura-seiki.co.jp"}],
			 "receivingServers": ["mx1.kitamura-seiki.co.jp"],
			 "sendingHosts": ["SMTP.kitamura-seiki.co.jp", "203.0.113.200/30"], "timeZone": "Asia/Tokyo",
			 "workingHours": {"start": "08:00", "end": "20:00"}}""";

	@LocalServerPort
	int port;

	@Autowired
	CompanyIdentityService identities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.spoofdesk.partner.FreeMailDomains freeMail;

	ApiClient admin() {
		return ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
	}

	@Test
	void adminPutsAndGetsTheIdentityAsJson() {
		HttpResponse<String> put = admin().put("/api/v1/settings/identity", KITAMURA);
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

		HttpResponse<String> get = admin().get("/api/v1/settings/identity");
		assertThat(get.body()).contains("\"companyName\":\"北村精機株式会社\"", "\"domains\":[\"kitamura-seiki.co.jp\"]",
				"\"workingHours\":{\"start\":\"08:00\",\"end\":\"20:00\"}", "\"timeZone\":\"Asia/Tokyo\"",
				"\"sendingHosts\":[\"smtp.kitamura-seiki.co.jp\",\"203.0.113.200/30\"]");

		CompanyIdentity identity = this.identities.current();
		assertThat(identity.isOurDomain("mail.kitamura-seiki.co.jp")).isTrue();
		assertThat(identity.isOurDomain("kitamura-seiki.co.jp.evil.example")).isFalse();
		assertThat(this.identities.zoneId().getId()).isEqualTo("Asia/Tokyo");
	}

	@Test
	void invalidSettingsAreRejectedFieldByFieldAndNothingIsSaved() {
		admin().put("/api/v1/settings/identity", KITAMURA);

		HttpResponse<String> response = admin().put("/api/v1/settings/identity", """
				{"companyName": "", "domains": ["not a domain"], "staff": [{"name": "x", "email": "nope"}],
				 "receivingServers": [], "sendingHosts": ["not a host!", "10.0.0.0/99"], "timeZone": "Mars/Olympus",
				 "workingHours": {"start": "25:00", "end": "20:00"}}""");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"companyName\"", "\"field\":\"domains\"",
				"\"field\":\"staff\"", "\"field\":\"timeZone\"", "\"field\":\"workingHours.start\"",
				"\"field\":\"sendingHosts\"");
		assertThat(this.identities.current().companyName()).isEqualTo("北村精機株式会社");
	}

	@Test
	void eachChangedFieldIsAudited() {
		admin().put("/api/v1/settings/identity", KITAMURA);
		long before = auditCount();

		admin().put("/api/v1/settings/identity", KITAMURA.replace("\"20:00\"", "\"19:00\""));

		assertThat(auditCount() - before).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT field FROM audit_event WHERE action = 'SETTINGS_CHANGED' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).isEqualTo("workingHours");
	}

	@Test
	void adminEditsTheSettingsOnTheirPage() {
		Browser browser = new Browser(this.port);
		browser.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		String page = browser.get("/admin/settings").body();
		String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

		HttpResponse<String> saved = browser.post("/admin/settings",
				Map.of("companyName", "青葉トレーディング株式会社", "domains", "aoba-trading.co.jp\r\n", "staff",
						"鈴木 一郎 <suzuki@aoba-trading.co.jp>", "receivingServers", "mx.aoba-trading.co.jp", "timeZone",
						"Asia/Tokyo", "workingHours.start", "09:00", "workingHours.end", "18:00", "version", version));

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(browser.get("/admin/settings").body()).contains("会社設定を保存しました", "青葉トレーディング株式会社");
		assertThat(this.identities.current().staff())
			.containsExactly(new CompanyIdentity.Staff("鈴木 一郎", "suzuki@aoba-trading.co.jp"));
	}

	@Test
	void anAdminAddsAFreeMailDomainOnThePageAndItsAddressesNoLongerShareADraft() {
		Browser browser = new Browser(this.port);
		browser.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin().put("/api/v1/settings/identity", KITAMURA);
		String page = browser.get("/admin/settings").body();
		assertThat(page).as("the shipped list is shown to edit").contains("docomo.ne.jp", "yahoo.co.jp");
		assertThat(this.freeMail.contains("mail.example-isp.ne.jp")).isFalse();
		String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		try {
			HttpResponse<String> saved = browser.post("/admin/settings",
					Map.of("companyName", "北村精機株式会社", "domains", "kitamura-seiki.co.jp", "staff", "",
							"receivingServers", "", "timeZone", "Asia/Tokyo", "workingHours.start", "08:00",
							"workingHours.end", "20:00", "freeMailDomains",
							"gmail.com\r\ndocomo.ne.jp\r\nExample-ISP.ne.jp\r\n", "version", version));

			assertThat(saved.statusCode()).isEqualTo(302);
			assertThat(this.freeMail.contains("mail.example-isp.ne.jp")).isTrue();
			assertThat(this.freeMail.contains("yahoo.co.jp")).as("a domain the admin took out").isFalse();
			assertThat(admin().get("/api/v1/settings/identity").body())
				.contains("\"freeMailDomains\":[\"gmail.com\",\"docomo.ne.jp\",\"example-isp.ne.jp\"]");
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM audit_event WHERE action = 'SETTINGS_CHANGED' AND field = 'freeMailDomains'")
				.query(Long.class)
				.single()).isPositive();
		}
		finally {
			admin().put("/api/v1/settings/identity", KITAMURA);
		}
		assertThat(this.freeMail.contains("yahoo.co.jp")).as("absent from the body: the shipped list again").isTrue();
	}

	@Test
	void pageShowsFieldErrorsAndKeepsWhatWasTyped() {
		Browser browser = new Browser(this.port);
		browser.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		browser.get("/admin/settings");

		HttpResponse<String> response = browser.post("/admin/settings",
				Map.of("companyName", "テスト株式会社", "domains", "bad domain", "staff", "", "receivingServers", "",
						"timeZone", "Asia/Tokyo", "workingHours.start", "09:00", "workingHours.end", "18:00", "version",
						"0"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("入力内容を確認してください", "ドメイン名またはホスト名の形式が正しくない行があります", "テスト株式会社");
	}

	@Test
	void staleEditIsAConflictNotASilentOverwrite() {
		admin().put("/api/v1/settings/identity", KITAMURA);
		Browser browser = new Browser(this.port);
		browser.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		String page = browser.get("/admin/settings").body();
		String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		admin().put("/api/v1/settings/identity", KITAMURA.replace("北村精機株式会社", "北村精機（株）"));

		HttpResponse<String> response = browser.post("/admin/settings",
				Map.of("companyName", "私の変更", "domains", "kitamura-seiki.co.jp", "staff", "", "receivingServers", "",
						"timeZone", "Asia/Tokyo", "workingHours.start", "09:00", "workingHours.end", "18:00", "version",
						version));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("他の人が先に変更しました");
		assertThat(this.identities.current().companyName()).isEqualTo("北村精機（株）");
	}

	private long auditCount() {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SETTINGS_CHANGED'")
			.query(Long.class)
			.single();
	}

}
