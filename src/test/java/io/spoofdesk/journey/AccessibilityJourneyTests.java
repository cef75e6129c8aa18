package io.spoofdesk.journey;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.spoofdesk.mailanalysis.TestMail;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.OurCompany;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main page, as the helpdesk/manager and as the admin see it, in Japanese and in
 * English, checked by axe-core's WCAG 2.1 A/AA rules in Chromium (each screenshot runs
 * them; {@link RealBrowser#close()} fails on any violation). The incident has a mail, its
 * checklist and a warning batch, so the busiest page is checked with all its panels. Each
 * screenshot also checks the layout (no sideways scrolling, no squeezed table cell), at
 * 1280 px, for the reports at 720 px (an A4 page's printed width) and for the pages used
 * on a phone at 400 px.
 */
@ServerTest
class AccessibilityJourneyTests {

	private static final Pattern ID = Pattern.compile("\\{\"(?:id|mailId)\":(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "ja", "en" })
	void theMainPagesMeetWcag21AA(String language) {
		OurCompany.isKitamura(this.port);
		String name = Users.create(this.port, "HELPDESK", "MANAGER");
		ApiClient api = ApiClient.basic(this.port, name, Users.PASSWORD);
		String domain = "a11y-" + System.nanoTime() + ".example.jp";
		long partner = id(api.post("/api/v1/partners", """
				{"name": "青葉商事株式会社 %s", "domains": ["%s"],
				 "contacts": [{"name": "加藤 一郎", "email": "kato@%s", "phone": "03-1234-5678"}]}""".formatted(language,
				domain, domain)));
		// reported ten days ago: its steps are overdue, so the pages show their overdue
		// rows
		long incident = id(api.post("/api/v1/incidents", """
				{"title": "請求書を装う不審メール", "channel": "PHONE", "severity": "HIGH",
				 "impersonatedAddresses": ["eigyo@kitamura-seiki.co.jp"], "reportedAt": "%s"}"""
			.formatted(java.time.Instant.now().minus(java.time.Duration.ofDays(10)))));
		byte[] mail = TestMail.from(TestMail.encodedWord("北村精機株式会社 営業部") + " <eigyo@cdn-upd.example.top>")
			.received("from cdn-upd.example.top (cdn-upd.example.top [203.0.113.77]) by mx1.kitamura-seiki.co.jp "
					+ "with ESMTP; Thu, 24 Nov 2022 13:41:00 +0900")
			.subject("請求書のご確認")
			.text("添付の請求書をご確認ください。 https://cdn-upd.example.top/invoice")
			.bytes();
		HttpResponse<String> attached = api.send(api.request("/api/v1/incidents/" + incident + "/mails")
			.header("Content-Type", "message/rfc822")
			.POST(HttpRequest.BodyPublishers.ofByteArray(mail)));
		long mailId = id(attached);
		long batch = id(api.post("/api/v1/incidents/" + incident + "/warnings", """
				{"language": "%s", "fromAddress": "soumu@kitamura-seiki.co.jp",
				 "addressList": "kato@%s\\ntaro.private@gmail.com"}""".formatted(language, domain)));
		long step = this.jdbc.sql("SELECT id FROM checklist_step WHERE incident_id = ? AND kind = 'AV_SCAN'")
			.param(incident)
			.query(Long.class)
			.single();
		// submitted by someone else: the user has an unread notification to check too
		ApiClient colleague = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		assertThat(
				colleague.post("/api/v1/incidents/" + incident + "/warnings/" + batch + "/submit", "{}").statusCode())
			.isEqualTo(200);
		// a long result beside a short status: the report's status column must not be
		// squeezed
		assertThat(api.post("/api/v1/incidents/" + incident + "/checklist/steps/" + step + "/status", """
				{"status": "IN_PROGRESS", "resultNote": "%s"}""".formatted("全社の PC 42 台をフルスキャン中。".repeat(12)))
			.statusCode()).isEqualTo(200);

		try (RealBrowser browser = RealBrowser.open(this.port, language)) {
			browser.go("/login").screenshot("a11y-" + language + "-login");
			browser.signIn(name, Users.PASSWORD);
			for (String path : List.of("/", "/incidents", "/incidents/new", "/incidents/" + incident,
					"/incidents/" + incident + "/edit", "/incidents/" + incident + "/mails/" + mailId,
					"/incidents/" + incident + "/checklist/steps/" + step,
					"/incidents/" + incident + "/warnings/" + batch, "/incidents/" + incident + "/report", "/mails/new",
					"/tasks", "/tasks/overdue", "/dashboard", "/warnings", "/reports", "/partners",
					"/partners/" + partner, "/partners/new", "/partners/import", "/iocs", "/notifications",
					"/profile")) {
				browser.go(path);
				assertThat(browser.text()).as(path)
					.doesNotContain("Whitelabel", "エラーが発生しました", "Something went wrong", "ページが見つかりません",
							"Page not found");
				browser.screenshot("a11y-" + language + path.replaceAll("[^a-z0-9]+", "-"));
			}
			// the width an A4 page prints at: the reports fit it
			browser.resize(720, 1000);
			for (String path : List.of("/incidents/" + incident + "/report", "/reports")) {
				browser.go(path).screenshot("a11y-" + language + "-a4" + path.replaceAll("[^a-z0-9]+", "-"));
			}
			// a phone held upright: the list, the case page and the home page fit its
			// width
			browser.resize(400, 900);
			for (String path : List.of("/", "/incidents", "/incidents/" + incident, "/tasks")) {
				browser.go(path).screenshot("a11y-" + language + "-400" + path.replaceAll("[^a-z0-9]+", "-"));
			}
		}
		try (RealBrowser admin = RealBrowser.open(this.port, language)) {
			admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
			for (String path : List.of("/admin/users", "/admin/users/new", "/admin/audit", "/admin/settings",
					"/admin/playbooks", "/admin/playbooks/new", "/admin/templates")) {
				admin.go(path);
				admin.screenshot("a11y-" + language + path.replaceAll("[^a-z0-9]+", "-"));
			}
		}
	}

	private static long id(HttpResponse<String> created) {
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher matcher = ID.matcher(created.body());
		assertThat(matcher.find()).as(created.body()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
