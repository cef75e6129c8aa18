package io.spoofdesk.warningmail;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.FreePort;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an incident, the helpdesk prepares Japanese warning drafts for the partners in an
 * exported address list, a manager approves them, and they arrive in a real SMTP server
 * (GreenMail on loopback) with the right Japanese subject and body — once each, also when
 * the server was down for a while; a send cut off mid-way is left for a person to check.
 */
@ServerTest
class WarningMailTests {

	static final int SMTP_PORT = FreePort.any();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(true);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
	}

	String reference(long incident) {
		return this.jdbc.sql("SELECT reference FROM incident WHERE id = ?")
			.param(incident)
			.query(String.class)
			.single();
	}

	static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

	static final String ADDRESS_BOOK = """
			名前,電子メール アドレス,会社
			佐藤 花子,sato@aoba-shoji.co.jp,青葉トレーディング
			鈴木 一郎,suzuki@aoba-shoji.co.jp,青葉トレーディング
			山田 太郎,yamada@kitamura-seiki.co.jp,北村精機
			高橋,info@unknown-corp.example,
			佐藤 花子 (2),SATO@aoba-shoji.co.jp,青葉トレーディング
			壊れた行,not-an-address,
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DraftSender sender;

	@BeforeEach
	void kitamuraAndAoba() {
		ApiClient admin = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin.put("/api/v1/settings/identity", """
				{"companyName": "北村精機株式会社", "domains": ["kitamura-seiki.co.jp"], "staff": [],
				 "receivingServers": [], "sendingHosts": [], "timeZone": "Asia/Tokyo",
				 "workingHours": {"start": "08:00", "end": "20:00"}}""");
		if (this.jdbc.sql("SELECT count(*) FROM partner_domain WHERE domain = 'aoba-shoji.co.jp'")
			.query(Integer.class)
			.single() == 0) {
			HttpResponse<String> partner = ApiClient
				.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD)
				.post("/api/v1/partners", """
						{"name": "青葉トレーディング株式会社", "domains": ["aoba-shoji.co.jp"],
						 "contacts": [{"name": "佐藤 花子", "email": "sato@aoba-shoji.co.jp"}]}""");
			assertThat(partner.statusCode()).as(partner.body()).isEqualTo(201);
		}
	}

	long newIncident(ApiClient client) {
		HttpResponse<String> created = client.post("/api/v1/incidents", """
				{"title": "請求書を装ったなりすましメール", "channel": "PHONE", "severity": "HIGH",
				 "impersonatedAddresses": ["yamada@kitamura-seiki.co.jp"], "reportedAt": "2026-11-24T01:30:00Z"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher matcher = ID.matcher(created.body());
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/**
	 * The warning mails the server received, from the batches' sender: a notification
	 * digest that the schedule sends meanwhile is not one of them.
	 */
	static List<MimeMessage> warningMails() {
		return Stream.of(smtp.getReceivedMessages()).filter(message -> {
			try {
				String[] from = message.getHeader("From");
				return from != null && from[0].contains("soumu@kitamura-seiki.co.jp");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	long batchFor(Browser helpdesk, long incident) {
		helpdesk.get("/incidents/" + incident);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("language", "ja");
		form.put("addressList", ADDRESS_BOOK);
		form.put("fromAddress", "soumu@kitamura-seiki.co.jp");
		form.put("fromName", "北村精機株式会社 総務部");
		form.put("contactPerson", "総務部 山田");
		form.put("contactPhone", "03-1234-5678");
		HttpResponse<String> generated = helpdesk.post("/incidents/" + incident + "/warnings", form);
		assertThat(generated.statusCode()).isEqualTo(302);
		String location = generated.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/incidents/" + incident + "/warnings/\\d+");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void helpdeskDraftsFromAnAddressBookAManagerApprovesAndTheMailArrivesOnce() throws Exception {
		String helpdeskName = Users.create(this.port, "HELPDESK");
		String managerName = Users.create(this.port, "MANAGER");
		ApiClient helpdeskApi = ApiClient.basic(this.port, helpdeskName, Users.PASSWORD);
		ApiClient managerApi = ApiClient.basic(this.port, managerName, Users.PASSWORD);
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(helpdeskName, Users.PASSWORD);
		long incident = newIncident(helpdeskApi);

		long batch = batchFor(helpdesk, incident);
		String page = helpdesk.get("/incidents/" + incident + "/warnings/" + batch).body();
		assertThat(page)
			.contains("青葉トレーディング株式会社", "sato@aoba-shoji.co.jp", "suzuki@aoba-shoji.co.jp", "unknown-corp.example",
					"佐藤 花子 様", "高橋 様", "【注意喚起】北村精機株式会社を装った不審なメールについて")
			.doesNotContain("yamada@kitamura-seiki.co.jp</", "not-an-address");
		assertThat(page).as("what was left out, and why")
			.contains("id=\"address-reading\"", "自社ドメインのアドレス 1 件", "重複 1 件");
		assertThat(helpdesk.get("/incidents/" + incident + "/warnings/" + batch).body()).as("said once")
			.doesNotContain("id=\"address-reading\"");
		String draftsUrl = "/api/v1/incidents/" + incident + "/warnings/" + batch;
		assertThat(helpdeskApi.get(draftsUrl).body()).contains("\"ccAddresses\":[\"suzuki@aoba-shoji.co.jp\"]");
		long aobaDraft = this.jdbc
			.sql("SELECT id FROM warning_draft WHERE batch_id = ? AND to_address = 'sato@aoba-shoji.co.jp'")
			.param(batch)
			.query(Long.class)
			.single();
		assertThat(helpdeskApi.get("/api/v1/incidents/" + incident + "/warnings/drafts/" + aobaDraft + "/eml")
			.statusCode()).as("not before approval").isEqualTo(409);
		assertThat(helpdeskApi.post(draftsUrl + "/approve", "{}").statusCode()).as("helpdesk does not approve")
			.isEqualTo(403);

		assertThat(page).as("two drafts, both drafts: the count alone").contains(">2 通</span>");
		assertThat(helpdeskApi.post(draftsUrl + "/submit", "{}").statusCode()).isEqualTo(200);
		assertThat(helpdesk.get("/incidents/" + incident + "/warnings/" + batch).body())
			.as("waiting for approval: withdrawn first, not edited")
			.contains("承認依頼を取り下げて編集する")
			.doesNotContain("/drafts/" + aobaDraft + "\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE username = ? AND kind = 'APPROVAL_WAITING'")
			.param(managerName)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(managerApi.approveAsReviewed(draftsUrl).body()).contains("\"status\":\"APPROVED\"");
		assertThat(managerApi.post(draftsUrl + "/queue", "{}").body()).contains("\"queued\":2");

		Browser managerPages = new Browser(this.port);
		managerPages.signIn(managerName, Users.PASSWORD);
		assertThat(managerPages.get("/warnings?show=pending").body()).as("queued: still to send")
			.contains("sato@aoba-shoji.co.jp", "info@unknown-corp.example");
		assertThat(this.sender.sendDue()).isEqualTo(2);
		assertThat(this.sender.sendDue()).as("nothing is sent twice").isZero();
		String sent = managerPages.get("/warnings?show=sent").body();
		assertThat(sent).as("the dashboard's 'sent' figure, listed")
			.contains("sato@aoba-shoji.co.jp", "info@unknown-corp.example",
					"/incidents/" + incident + "/warnings/" + batch);
		assertThat(managerPages.get("/warnings?show=pending").body()).doesNotContain("sato@aoba-shoji.co.jp");
		assertThat(helpdesk.get("/warnings").statusCode()).as("for managers, like the dashboard").isEqualTo(403);
		String batches = helpdeskApi.get("/api/v1/incidents/" + incident + "/warnings").body();
		assertThat(batches).as("the API's batches, each with its drafts")
			.startsWith("[{\"id\":" + batch + ",")
			.contains("\"toAddress\":\"sato@aoba-shoji.co.jp\"", "\"toAddress\":\"info@unknown-corp.example\"");
		assertThat(helpdesk.get("/incidents/" + incident).body()).as("the incident page's warning panel")
			.contains("下書き一式 " + batch + "（2 通）", "送信済み 2", "連絡済み", "青葉トレーディング株式会社");

		assertThat(warningMails()).hasSize(3).as("To sato, Cc suzuki, and the unknown domain");
		MimeMessage aoba = smtp.getReceivedMessagesForDomain("sato@aoba-shoji.co.jp")[0];
		assertThat(aoba.getSubject()).as("tagged with the case, so that an answer finds it")
			.isEqualTo("[" + reference(incident) + "] 【注意喚起】北村精機株式会社を装った不審なメールについて");
		assertThat(aoba.getContentType()).containsIgnoringCase("ISO-2022-JP");
		assertThat(aoba.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("suzuki@aoba-shoji.co.jp");
		assertThat((String) aoba.getContent()).contains("青葉トレーディング株式会社", "佐藤 花子 様", "2026年11月24日頃より",
				"yamada@kitamura-seiki.co.jp", "電話：03-1234-5678");
		assertThat(this.jdbc.sql("SELECT status FROM checklist_step WHERE incident_id = ? AND kind = 'NOTIFY_PARTNERS'")
			.param(incident)
			.query(String.class)
			.single()).as("the checklist follows the warning mail").isEqualTo("DONE");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "ja, 承認待ち, 送信済み 4, ダッシュボード", "en, Waiting for approval, Sent 4, Dashboard" })
	void inTheBrowserHelpdeskPreparesAndAManagerApprovesSendsAndSeesTheDashboard(String language, String waiting,
			String sent, String dashboard) throws Exception {
		String helpdeskName = Users.create(this.port, "HELPDESK");
		String managerName = Users.create(this.port, "MANAGER");
		long incident = newIncident(ApiClient.basic(this.port, helpdeskName, Users.PASSWORD));

		try (RealBrowser browser = RealBrowser.open(this.port, language)) {
			browser.signIn(helpdeskName, Users.PASSWORD).go("/incidents/" + incident);
			browser.click(By.cssSelector("#warnings details summary"));
			browser.type(By.id("addressList"),
					ADDRESS_BOOK + "個人の方,taro.private@gmail.com,\n個人の方2,hanako@docomo.ne.jp,\n");
			browser.type(By.id("fromAddress"), "soumu@kitamura-seiki.co.jp");
			browser.type(By.id("contactPhone"), "03-1234-5678");
			browser.screenshot("warning-" + language + "-1-prepare");
			browser.clickAndWait(By.cssSelector("#warnings form button[type=submit]"),
					".*/incidents/" + incident + "/warnings/\\d+$");
			assertThat(browser.text()).contains("青葉トレーディング株式会社", "unknown-corp.example", "taro.private@gmail.com",
					"hanako@docomo.ne.jp");
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM warning_draft d JOIN warning_batch b ON b.id = d.batch_id
					WHERE b.incident_id = ? AND d.to_address IN ('taro.private@gmail.com', 'hanako@docomo.ne.jp')
					  AND cardinality(d.cc_addresses) = 0""").param(incident).query(Integer.class).single())
				.as("each private address in a draft of its own")
				.isEqualTo(2);
			browser.screenshot("warning-" + language + "-2-drafts");
			browser.clickAndWait(By.cssSelector("form[action$='/submit'] button"), ".*/warnings/\\d+$");
			assertThat(browser.text()).contains(waiting);
		}
		try (RealBrowser browser = RealBrowser.open(this.port, language)) {
			browser.signIn(managerName, Users.PASSWORD).go("/notifications");
			browser.clickAndWait(By.cssSelector("form[action$='/open'] button"), ".*/warnings/\\d+$");
			// approving every draft asks first, naming how many
			browser.clickConfirmAndWait(By.cssSelector("form[action$='/approve'] button"),
					"ja".equals(language) ? "4 通の下書きをすべて承認します" : "Approve all 4 drafts", ".*/warnings/\\d+$");
			browser.screenshot("warning-" + language + "-3-approved");
			browser.clickAndWait(By.cssSelector("form[action$='/queue'] button"), ".*/warnings/\\d+$");
			assertThat(this.sender.sendDue()).isEqualTo(4);
			browser.go(browser.url().replaceAll("^https?://[^/]+", ""));
			assertThat(browser.text()).contains(sent);
			browser.screenshot("warning-" + language + "-4-sent");
			browser.go("/dashboard");
			assertThat(browser.text()).contains(dashboard);
			browser.screenshot("warning-" + language + "-5-dashboard");
			browser.clickAndWait(By.cssSelector("a[href$='/warnings?show=sent']"), ".*/warnings\\?show=sent");
			assertThat(browser.text()).contains("sato@aoba-shoji.co.jp", "info@unknown-corp.example");
			browser.screenshot("warning-" + language + "-6-sent-list");
		}
		assertThat(warningMails()).hasSize(5);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "ja, ご連絡のお礼, 【社内周知】当社を装った不審なメールにご注意ください",
			"en, Thank you for your report, 'Internal notice: beware of mail pretending to come from us'" })
	void inTheBrowserTheHelpdeskPreparesTheReplyToTheReporterAndTheStaffNotice(String language, String thanks,
			String staffNotice) throws Exception {
		String helpdeskName = Users.create(this.port, "HELPDESK");
		long incident = newIncident(ApiClient.basic(this.port, helpdeskName, Users.PASSWORD));
		reportedBySato(incident);

		try (RealBrowser browser = RealBrowser.open(this.port, language)) {
			browser.signIn(helpdeskName, Users.PASSWORD).go("/incidents/" + incident);
			browser.click(By.cssSelector("#warnings details summary"));
			new org.openqa.selenium.support.ui.Select(browser.find(By.id("purpose"))).selectByValue("REPORTER_THANKS");
			browser.type(By.id("fromAddress"), "soumu@kitamura-seiki.co.jp");
			browser.screenshot("mail-kinds-" + language + "-1-reply-to-reporter");
			browser.clickAndWait(By.cssSelector("#warnings form button[type=submit]"),
					".*/incidents/" + incident + "/warnings/\\d+$");
			assertThat(browser.text()).contains(thanks, "sato@aoba-shoji.co.jp");
			browser.screenshot("mail-kinds-" + language + "-2-reply-drafted");

			browser.go("/incidents/" + incident);
			browser.click(By.cssSelector("#warnings details summary"));
			new org.openqa.selenium.support.ui.Select(browser.find(By.id("purpose"))).selectByValue("STAFF_NOTICE");
			browser.type(By.id("addressList"), "all@kitamura-seiki.co.jp");
			browser.type(By.id("fromAddress"), "soumu@kitamura-seiki.co.jp");
			browser.clickAndWait(By.cssSelector("#warnings form button[type=submit]"),
					".*/incidents/" + incident + "/warnings/\\d+$");
			assertThat(browser.text()).contains(staffNotice, "all@kitamura-seiki.co.jp");
			browser.screenshot("mail-kinds-" + language + "-3-staff-notice-drafted");
		}
	}

	@Test
	void whileTheServerIsDownDraftsStayQueuedAndGoOutOnceItIsBack() {
		String helpdeskName = Users.create(this.port, "HELPDESK", "MANAGER");
		ApiClient api = ApiClient.basic(this.port, helpdeskName, Users.PASSWORD);
		Browser browser = new Browser(this.port);
		browser.signIn(helpdeskName, Users.PASSWORD);
		long incident = newIncident(api);
		long batch = batchFor(browser, incident);
		String url = "/api/v1/incidents/" + incident + "/warnings/" + batch;
		api.post(url + "/submit", "{}");
		api.approveAsReviewed(url);
		smtp.stop();
		api.post(url + "/queue", "{}");

		assertThat(this.sender.sendDue()).isZero();
		assertThat(this.jdbc.sql("SELECT status || ' ' || attempts FROM warning_draft WHERE batch_id = ?")
			.param(batch)
			.query(String.class)
			.list()).containsOnly("QUEUED 1");

		smtp.start();
		assertThat(this.sender.sendDue()).as("not before the back-off").isZero();
		this.jdbc.sql("UPDATE warning_draft SET next_attempt_at = now() WHERE batch_id = ?").param(batch).update();
		assertThat(this.sender.sendDue()).isEqualTo(2);
		assertThat(this.sender.sendDue()).isZero();
		assertThat(warningMails()).hasSize(3);
	}

	@Test
	void aSendCutOffMidwayIsLeftUnknownAndNotResent() {
		String name = Users.create(this.port, "HELPDESK", "MANAGER");
		ApiClient api = ApiClient.basic(this.port, name, Users.PASSWORD);
		Browser browser = new Browser(this.port);
		browser.signIn(name, Users.PASSWORD);
		long incident = newIncident(api);
		long batch = batchFor(browser, incident);
		this.jdbc.sql("""
				UPDATE warning_draft SET status = 'SENDING', lease_until = now() - interval '1 minute'
				WHERE batch_id = ?""").param(batch).update();

		this.sender.sendDue();

		assertThat(this.jdbc.sql("SELECT DISTINCT status FROM warning_draft WHERE batch_id = ?")
			.param(batch)
			.query(String.class)
			.list()).containsExactly("UNKNOWN");
		assertThat(warningMails()).isEmpty();
		long draft = this.jdbc.sql("SELECT min(id) FROM warning_draft WHERE batch_id = ?")
			.param(batch)
			.query(Long.class)
			.single();
		assertThat(api.post("/api/v1/incidents/" + incident + "/warnings/drafts/" + draft + "/mark-sent", "").body())
			.contains("\"status\":\"MARKED_SENT\"");
	}

	@Test
	void pickedPartnersJoinTheListUnknownDomainsBecomePartnersAndTheWebsiteNoticeIsFilledIn() {
		String name = Users.create(this.port, "HELPDESK");
		ApiClient api = ApiClient.basic(this.port, name, Users.PASSWORD);
		long incident = newIncident(api);
		long aoba = this.jdbc.sql("SELECT partner_id FROM partner_domain WHERE domain = 'aoba-shoji.co.jp'")
			.query(Long.class)
			.single();
		String domain = "new-" + name + ".example";

		HttpResponse<String> created = api.post("/api/v1/incidents/" + incident + "/warnings", """
				{"language": "ja", "addressList": "tanaka@%s", "fromAddress": "soumu@kitamura-seiki.co.jp",
				 "partnerIds": [%d]}""".formatted(domain, aoba));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"toAddress\":\"sato@aoba-shoji.co.jp\"",
				"\"toAddress\":\"tanaka@" + domain);
		long unknown = this.jdbc.sql("SELECT id FROM warning_draft WHERE incident_id = ? AND partner_id IS NULL")
			.param(incident)
			.query(Long.class)
			.single();

		HttpResponse<String> registered = api
			.post("/api/v1/incidents/" + incident + "/warnings/drafts/" + unknown + "/register-partner", "");
		assertThat(registered.body()).contains("\"recipientLabel\":\"" + domain + "\"", "\"partnerId\":");
		assertThat(api.get("/api/v1/partners?q=" + domain).body()).contains("tanaka@" + domain);
		assertThat(api.post("/api/v1/incidents/" + incident + "/warnings/drafts/" + unknown + "/register-partner", "")
			.statusCode()).isEqualTo(409);

		String notice = api.get("/api/v1/incidents/" + incident + "/warnings/notice?language=ja").body();
		assertThat(notice).contains("北村精機株式会社の社名や社員名をかたった", "yamada@kitamura-seiki.co.jp", "<p>");
	}

	@Test
	void fiveThousandRecipientsMakeFiveThousandDraftsInOneBatch() {
		String name = Users.create(this.port, "HELPDESK");
		ApiClient api = ApiClient.basic(this.port, name, Users.PASSWORD);
		long incident = newIncident(api);
		StringBuilder book = new StringBuilder("name,email\n");
		for (int i = 0; i < 5000; i++) {
			book.append("担当").append(i).append(",tanto@partner").append(i).append(".example.jp\n");
		}
		String body = "{\"language\": \"ja\", \"fromAddress\": \"soumu@kitamura-seiki.co.jp\", \"addressList\": \""
				+ book.toString().replace("\n", "\\n") + "\"}";

		long started = System.nanoTime();
		HttpResponse<String> created = api.post("/api/v1/incidents/" + incident + "/warnings", body);
		System.out.printf("5,000 recipients: batch generated in %.2f s%n", (System.nanoTime() - started) / 1e9);

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(this.jdbc.sql("SELECT count(*) FROM warning_draft WHERE incident_id = ?")
			.param(incident)
			.query(Integer.class)
			.single()).isEqualTo(5000);
		Browser browser = new Browser(this.port);
		browser.signIn(name, Users.PASSWORD);
		assertThat(browser.get("/incidents/" + incident).body()).as("counted, not loaded, on the incident page")
			.contains("（5,000 通）", "下書き 5000");
	}

	@Test
	void badInputIsRefusedClearlyAndDraftsStayUnderTheirIncident() {
		String name = Users.create(this.port, "HELPDESK");
		ApiClient api = ApiClient.basic(this.port, name, Users.PASSWORD);
		long incident = newIncident(api);
		long other = newIncident(api);

		HttpResponse<String> none = api.post("/api/v1/incidents/" + incident + "/warnings", """
				{"language": "ja", "addressList": "yamada@kitamura-seiki.co.jp, nobody", "fromAddress": "x"}""");
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("\"field\":\"addressList\"", "\"field\":\"fromAddress\"");

		HttpResponse<String> created = api.post("/api/v1/incidents/" + incident + "/warnings",
				"""
						{"language": "en", "addressList": "info@unknown-corp.example", "fromAddress": "soumu@kitamura-seiki.co.jp"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("Warning: suspicious mail pretending to come from 北村精機株式会社",
				"Dear Sir or Madam");
		long draft = this.jdbc.sql("SELECT max(id) FROM warning_draft WHERE incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single();
		HttpResponse<String> injected = api.put("/api/v1/incidents/" + incident + "/warnings/drafts/" + draft, """
				{"toAddress": "info@unknown-corp.example", "ccAddresses": [], "subject": "x\\r\\nBcc: all@example.com",
				 "body": "b"}""");
		assertThat(injected.statusCode()).isEqualTo(400);
		assertThat(injected.body()).contains("\"field\":\"subject\"");
		assertThat(api.get("/api/v1/incidents/" + other + "/warnings/drafts/" + draft + "/eml").statusCode())
			.as("a draft id under another incident")
			.isEqualTo(404);
		assertThat(ApiClient.basic(this.port, Users.create(this.port, "STAFF"), Users.PASSWORD)
			.post("/api/v1/incidents/" + incident + "/warnings", "{\"addressList\": \"a@b.example\"}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void freeMailAndUnknownAddressesEachGetTheirOwnDraftSoNoRecipientSeesAnothersAddress() {
		String helpdeskName = Users.create(this.port, "HELPDESK");
		ApiClient api = ApiClient.basic(this.port, helpdeskName, Users.PASSWORD);
		long incident = newIncident(api);
		HttpResponse<String> created = api.post("/api/v1/incidents/" + incident + "/warnings",
				"""
						{"language": "ja", "fromAddress": "soumu@kitamura-seiki.co.jp", "addressList":
						 "taro.private@gmail.com\\nhanako.home@gmail.com\\nkeitai@docomo.ne.jp\\na@unknown-corp.example\\nb@unknown-corp.example\\nkato@aoba-shoji.co.jp\\nito@aoba-shoji.co.jp"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long batch = this.jdbc.sql("SELECT max(id) FROM warning_batch WHERE incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single();
		List<String> drafts = this.jdbc
			.sql("SELECT to_address || ' ' || array_to_string(cc_addresses, ' ') FROM warning_draft "
					+ "WHERE batch_id = ? ORDER BY id")
			.param(batch)
			.query(String.class)
			.list()
			.stream()
			.map(String::strip)
			.toList();
		assertThat(drafts).containsExactlyInAnyOrder("kato@aoba-shoji.co.jp ito@aoba-shoji.co.jp",
				"taro.private@gmail.com", "hanako.home@gmail.com", "keitai@docomo.ne.jp", "a@unknown-corp.example",
				"b@unknown-corp.example");
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(helpdeskName, Users.PASSWORD);
		assertThat(helpdesk.get("/incidents/" + incident).body()).as("the history says it in words")
			.contains("一括作成 #" + batch + ": 下書き 6 通・宛先 7 件")
			.doesNotContain("drafts, 7 addresses");
	}

	@Test
	void aWarningInOurNameIsSentFromOurDomainOnly() {
		ApiClient api = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		long incident = newIncident(api);
		HttpResponse<String> foreign = api.post("/api/v1/incidents/" + incident + "/warnings",
				"""
						{"language": "ja", "addressList": "kato@aoba-shoji.co.jp", "fromAddress": "billing@attacker.example"}""");
		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(foreign.body()).contains("\"field\":\"fromAddress\"");
	}

	@Test
	void whatAManagerApprovesIsWhatTheyReviewed() {
		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		ApiClient manager = ApiClient.basic(this.port, Users.create(this.port, "MANAGER"), Users.PASSWORD);
		long incident = newIncident(helpdesk);
		HttpResponse<String> created = helpdesk.post("/api/v1/incidents/" + incident + "/warnings",
				"""
						{"language": "ja", "addressList": "kato@aoba-shoji.co.jp", "fromAddress": "soumu@kitamura-seiki.co.jp"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long batch = this.jdbc.sql("SELECT max(id) FROM warning_batch WHERE incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single();
		long draft = this.jdbc.sql("SELECT id FROM warning_draft WHERE batch_id = ?")
			.param(batch)
			.query(Long.class)
			.single();
		String url = "/api/v1/incidents/" + incident + "/warnings/" + batch;
		assertThat(helpdesk.post(url + "/submit", "{}").statusCode()).isEqualTo(200);
		String reviewed = helpdesk.get(url).body().replaceAll("(?s).*\"reviewedVersions\":\"([^\"]*)\".*", "$1");
		assertThat(reviewed).isEqualTo(draft + ":0");

		// waiting for approval, a draft is not edited; withdrawn, it is, and the batch is
		// a
		// draft again
		String change = """
				{"toAddress": "kato@aoba-shoji.co.jp", "ccAddresses": ["boss@attacker.example"],
				 "subject": "請求書の振込先変更", "body": "こちらにお振込みください"}""";
		String draftUrl = url.replaceAll("/\\d+$", "") + "/drafts/" + draft;
		HttpResponse<String> frozen = helpdesk.put(draftUrl, change);
		assertThat(frozen.statusCode()).as(frozen.body()).isEqualTo(409);
		assertThat(frozen.body()).contains("承認待ちの下書きは編集できません");
		assertThat(helpdesk.post(url + "/withdraw", "{}").statusCode()).isEqualTo(200);
		HttpResponse<String> edited = helpdesk.put(draftUrl, change);
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(helpdesk.get(url).body()).contains("\"status\":\"DRAFT\"");
		assertThat(manager.post(url + "/approve", "{\"reviewedVersions\": \"" + reviewed + "\"}").statusCode())
			.as("not submitted any more")
			.isEqualTo(409);

		// submitted again, the manager's approval names what they saw before the change
		assertThat(helpdesk.post(url + "/submit", "{}").statusCode()).isEqualTo(200);
		assertThat(manager.post(url + "/approve", "{\"reviewedVersions\": \"" + reviewed + "\"}").statusCode())
			.as("a draft changed since the review")
			.isEqualTo(409);
		assertThat(manager.post(url + "/approve", "{}").statusCode()).as("versions are required").isEqualTo(400);
		assertThat(this.jdbc.sql("SELECT status FROM warning_draft WHERE id = ?")
			.param(draft)
			.query(String.class)
			.single()).isEqualTo("DRAFT");
		assertThat(manager.approveAsReviewed(url).statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT status FROM warning_draft WHERE id = ?")
			.param(draft)
			.query(String.class)
			.single()).isEqualTo("APPROVED");
	}

	@Test
	void aWarningAboutMailInOurNameCitesOnlyTheMailsThatUsedOurName() {
		ApiClient api = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		long incident = newIncident(api);
		byte[] inOurName = io.spoofdesk.mailanalysis.TestMail
			.from(io.spoofdesk.mailanalysis.TestMail.encodedWord("北村精機株式会社 営業部") + " <eigyo@cdn-upd.example.top>")
			.received("from cdn-upd.example.top (cdn-upd.example.top [203.0.113.77]) by mx.aoba-shoji.co.jp "
					+ "with ESMTP; Thu, 24 Nov 2022 13:41:00 +0900")
			.subject("請求書の再送")
			.text("ご確認ください")
			.attach("請求書_2211.zip", "application/zip", new byte[] { 'P', 'K', 3, 4 })
			.bytes();
		byte[] inPartnersName = lureInPartnersName();
		attach(api, incident, inOurName);
		attach(api, incident, inPartnersName);

		HttpResponse<String> created = api.post("/api/v1/incidents/" + incident + "/warnings",
				"""
						{"language": "ja", "addressList": "kato@aoba-shoji.co.jp", "fromAddress": "soumu@kitamura-seiki.co.jp"}""");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body())
			.contains("「請求書の再送」", "「請求書_2211.zip」", "北村精機株式会社 営業部 <eigyo@cdn-upd.example.top>", "アカウントが悪用されて")
			.as("the partner-impersonating mail is not about our name")
			.doesNotContain("お振込先変更のお知らせ", "billing@cdn-upd.example.top");
	}

	/** The incident was reported by 佐藤 of 青葉トレーディング. */
	void reportedBySato(long incident) {
		long sato = this.jdbc.sql("SELECT id FROM partner_contact WHERE email = 'sato@aoba-shoji.co.jp'")
			.query(Long.class)
			.single();
		this.jdbc.sql("UPDATE incident SET partner_id = ?, contact_id = ? WHERE id = ?")
			.params(aoba(), sato, incident)
			.update();
	}

	long aoba() {
		return this.jdbc.sql("SELECT partner_id FROM partner_domain WHERE domain = 'aoba-shoji.co.jp'")
			.query(Long.class)
			.single();
	}

	/**
	 * Generates, submits, approves and marks every draft of a batch sent; answers the
	 * batch id.
	 */
	long sendAll(ApiClient manager, long incident, String generation) {
		HttpResponse<String> created = manager.post("/api/v1/incidents/" + incident + "/warnings", generation);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long batch = Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		String url = "/api/v1/incidents/" + incident + "/warnings/" + batch;
		assertThat(manager.post(url + "/submit", "{}").statusCode()).isEqualTo(200);
		assertThat(manager.approveAsReviewed(url).statusCode()).isEqualTo(200);
		for (long draft : this.jdbc.sql("SELECT id FROM warning_draft WHERE batch_id = ?")
			.param(batch)
			.query(Long.class)
			.list()) {
			assertThat(manager.post("/api/v1/incidents/" + incident + "/warnings/drafts/" + draft + "/mark-sent", "")
				.statusCode()).isEqualTo(200);
		}
		return batch;
	}

	@Test
	void aThankYouToTheReporterAloneDoesNotCompleteWarningThePartners() {
		ApiClient manager = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		long incident = newIncident(manager);
		this.jdbc.sql("UPDATE incident SET partner_id = ? WHERE id = ?").params(aoba(), incident).update();

		sendAll(manager, incident,
				"""
						{"language": "ja", "addressList": "", "fromAddress": "soumu@kitamura-seiki.co.jp", "partnerIds": [%d]}"""
					.formatted(aoba()));
		assertThat(stepStatus(incident, "NOTIFY_PARTNERS")).as("the reporter alone is not the partners")
			.isNotEqualTo("DONE");

		long batch = sendAll(manager, incident,
				"""
						{"language": "ja", "addressList": "kato@aoba-shoji.co.jp\\ntanaka@unknown-corp.example\\nsato@aoba-shoji.co.jp",
						 "fromAddress": "soumu@kitamura-seiki.co.jp"}""");
		assertThat(manager.get("/api/v1/incidents/" + incident + "/warnings/" + batch).body())
			.as("the reporter's contact was warned in the first batch")
			.contains("\"leftOutAlreadyWarned\":[\"sato@aoba-shoji.co.jp\"]");
		assertThat(stepStatus(incident, "NOTIFY_PARTNERS")).isEqualTo("DONE");
	}

	@Test
	void addressesAlreadyWarnedAreLeftOutUnlessAskedForAndACancelSaysWhy() {
		ApiClient manager = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		long incident = newIncident(manager);
		sendAll(manager, incident,
				"""
						{"language": "ja", "addressList": "kato@aoba-shoji.co.jp", "fromAddress": "soumu@kitamura-seiki.co.jp"}""");

		HttpResponse<String> again = manager.post("/api/v1/incidents/" + incident + "/warnings",
				"""
						{"language": "ja", "addressList": "kato@aoba-shoji.co.jp", "fromAddress": "soumu@kitamura-seiki.co.jp"}""");
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("\"field\":\"addressList\"");
		HttpResponse<String> onPurpose = manager.post("/api/v1/incidents/" + incident + "/warnings", """
				{"language": "ja", "addressList": "kato@aoba-shoji.co.jp", "fromAddress": "soumu@kitamura-seiki.co.jp",
				 "includeAlreadyWarned": true}""");
		assertThat(onPurpose.statusCode()).isEqualTo(201);
		assertThat(onPurpose.body()).contains("\"toAddress\":\"kato@aoba-shoji.co.jp\"");

		long draft = this.jdbc.sql("SELECT max(id) FROM warning_draft WHERE incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single();
		String cancel = "/api/v1/incidents/" + incident + "/warnings/drafts/" + draft + "/cancel";
		assertThat(manager.post(cancel, "").statusCode()).as("a reason is required").isEqualTo(400);
		assertThat(manager.post(cancel, "{\"reason\": \"電話で連絡済み\"}").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT cancel_reason FROM warning_draft WHERE id = ?")
			.param(draft)
			.query(String.class)
			.single()).isEqualTo("電話で連絡済み");
	}

	/** A mail shown as sent by the partner 青葉トレーディング, from a host of neither side. */
	static byte[] lureInPartnersName() {
		return io.spoofdesk.mailanalysis.TestMail
			.from(io.spoofdesk.mailanalysis.TestMail.encodedWord("青葉トレーディング株式会社") + " <billing@cdn-upd.example.top>")
			.received("from cdn-upd.example.top (cdn-upd.example.top [203.0.113.77]) by mx.aoba-shoji.co.jp "
					+ "with ESMTP; Thu, 24 Nov 2022 13:45:00 +0900")
			.subject("お振込先変更のお知らせ")
			.text("新しい口座にお振込みください")
			.bytes();
	}

	void attach(ApiClient api, long incident, byte[] mail) {
		HttpResponse<String> attached = api.send(api.request("/api/v1/incidents/" + incident + "/mails")
			.header("Content-Type", "message/rfc822")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(mail)));
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
	}

	String stepStatus(long incident, String kind) {
		return this.jdbc
			.sql("SELECT s.status FROM checklist_step s JOIN checklist c ON c.id = s.checklist_id AND c.active "
					+ "WHERE s.incident_id = ? AND s.kind = ?")
			.params(incident, kind)
			.query(String.class)
			.single();
	}

	@Test
	void theStaffNoticeGoesToOurOwnAddressesAsOneMailAndSendingItCompletesItsStep() {
		ApiClient manager = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		long incident = newIncident(manager);
		HttpResponse<String> foreign = manager.post("/api/v1/incidents/" + incident + "/warnings", """
				{"purpose": "STAFF_NOTICE", "language": "ja", "fromAddress": "soumu@kitamura-seiki.co.jp",
				 "addressList": "all@kitamura-seiki.co.jp, someone@gmail.com"}""");
		assertThat(foreign.statusCode()).as("a staff notice stays inside").isEqualTo(400);

		long batch = sendAll(manager, incident, """
				{"purpose": "STAFF_NOTICE", "language": "ja", "fromAddress": "soumu@kitamura-seiki.co.jp",
				 "addressList": "all@kitamura-seiki.co.jp\\nbranch@kitamura-seiki.co.jp"}""");

		assertThat(this.jdbc
			.sql("SELECT to_address || ' ' || array_to_string(cc_addresses, ' ') || ' ' || subject "
					+ "FROM warning_draft WHERE batch_id = ?")
			.param(batch)
			.query(String.class)
			.single())
			.isEqualTo("all@kitamura-seiki.co.jp branch@kitamura-seiki.co.jp [" + reference(incident)
					+ "] 【社内周知】当社を装った不審なメールにご注意ください");
		assertThat(stepStatus(incident, "NOTIFY_STAFF")).isEqualTo("DONE");
		assertThat(stepStatus(incident, "NOTIFY_PARTNERS")).as("a staff notice warns no partner").isNotEqualTo("DONE");
	}

	@Test
	void theReplyToTheReporterGoesToWhoReportedAndThePartnerAffectedNoticeCitesTheMailInTheirName() {
		ApiClient manager = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		long incident = newIncident(manager);
		reportedBySato(incident);
		long thanks = sendAll(manager, incident, """
				{"purpose": "REPORTER_THANKS", "language": "ja", "fromAddress": "soumu@kitamura-seiki.co.jp"}""");
		assertThat(this.jdbc.sql("SELECT to_address || ' ' || subject FROM warning_draft WHERE batch_id = ?")
			.param(thanks)
			.query(String.class)
			.single()).isEqualTo("sato@aoba-shoji.co.jp [" + reference(incident) + "] ご連絡のお礼（北村精機株式会社を装った不審なメールの件）");
		assertThat(stepStatus(incident, "NOTIFY_PARTNERS")).isNotEqualTo("DONE");

		byte[] inPartnersName = lureInPartnersName();
		attach(manager, incident, inPartnersName);
		HttpResponse<String> affected = manager.post("/api/v1/incidents/" + incident + "/warnings", """
				{"purpose": "PARTNER_AFFECTED", "language": "ja", "fromAddress": "soumu@kitamura-seiki.co.jp",
				 "partnerIds": [%d]}""".formatted(aoba()));
		assertThat(affected.statusCode()).as(affected.body()).isEqualTo(201);
		assertThat(affected.body()).contains("【ご連絡】貴社を装った不審なメールが弊社に届いています", "「お振込先変更のお知らせ」",
				"billing@cdn-upd.example.top");
	}

}
