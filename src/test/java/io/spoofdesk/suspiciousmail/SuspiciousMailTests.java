package io.spoofdesk.suspiciousmail;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.spoofdesk.mailanalysis.TestMail;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suspicious mails through the API and the pages: analysed without storing, attached to
 * incidents once per content, shown as evidence (defanged, never clickable), raw mail for
 * managers only, a new incident started from a mail, IOCs across incidents, and
 * retention.
 */
@ServerTest
class SuspiciousMailTests {

	private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

	private static final Pattern MAIL_ID = Pattern.compile("\"mailId\":(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailRetention retention;

	@BeforeEach
	void kitamuraIsUs() {
		HttpResponse<String> put = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD)
			.put("/api/v1/settings/identity", """
					{"companyName": "北村精機株式会社", "domains": ["kitamura-seiki.co.jp"], "staff": [],
					 "receivingServers": ["mx1.kitamura-seiki.co.jp"], "sendingHosts": ["203.0.113.200/30"],
					 "timeZone": "Asia/Tokyo", "workingHours": {"start": "08:00", "end": "20:00"}}""");
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
	}

	/**
	 * A mail that uses our company's name from a foreign address, with a link and a macro
	 * document.
	 */
	static byte[] lure(String marker) {
		return TestMail.from(TestMail.encodedWord("北村精機株式会社 営業部") + " <eigyo-" + marker + "@cdn-upd.example.top>")
			.received("from cdn-upd.example.top (cdn-upd.example.top [203.0.113.77]) by mx.aoba-trading.co.jp "
					+ "with ESMTP; Thu, 24 Nov 2022 13:41:00 +0900")
			.subject("Re: 請求書の件 " + marker)
			.text("ご確認ください https://cdn-upd.example.top/inv/" + marker + " <script>alert(1)</script>")
			.attach("請求書.docm", "application/octet-stream", ("macro " + marker).getBytes(StandardCharsets.UTF_8))
			.bytes();
	}

	ApiClient user(String... roles) {
		return ApiClient.basic(this.port, Users.create(this.port, roles), Users.PASSWORD);
	}

	long newIncident(ApiClient client) {
		HttpResponse<String> created = client.post("/api/v1/incidents", """
				{"title": "不審メールの連絡", "channel": "PHONE", "severity": "HIGH",
				 "impersonatedAddresses": ["eigyo@kitamura-seiki.co.jp"], "reportedAt": "2026-11-20T01:30:00Z"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Long.parseLong(group(ID, created.body()));
	}

	static HttpResponse<String> postMail(ApiClient client, String path, byte[] mail) {
		return client.send(client.request(path)
			.header("Content-Type", "message/rfc822")
			.POST(HttpRequest.BodyPublishers.ofByteArray(mail)));
	}

	@Test
	void theAnalysisApiAnswersWithoutStoringAnything() {
		long before = count("mail_evidence");
		HttpResponse<String> response = postMail(user("STAFF"), "/api/v1/mail-analysis", lure("a1"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"verdict\":\"SUSPICIOUS\"", "\"DISPLAY_NAME_IMPERSONATION\"",
				"\"MACRO_DOCUMENT\"", "\"hint\":\"OUR_NAME_FORGED\"",
				"\"urls\":[\"https://cdn-upd.example.top/inv/a1\"]");
		assertThat(count("mail_evidence")).isEqualTo(before);
	}

	@Test
	void notMailIsRefusedWithAClearErrorAndNothingIsStored() {
		ApiClient helpdesk = user("HELPDESK");
		long incident = newIncident(helpdesk);
		long before = count("mail_evidence");

		HttpResponse<String> empty = postMail(helpdesk, "/api/v1/incidents/" + incident + "/mails", new byte[0]);
		HttpResponse<String> png = postMail(helpdesk, "/api/v1/mail-analysis",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 });

		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(empty.body()).contains("\"kind\":\"EMPTY\"");
		assertThat(png.statusCode()).isEqualTo(422);
		assertThat(png.body()).contains("\"kind\":\"NOT_MAIL\"");
		assertThat(count("mail_evidence")).isEqualTo(before);
	}

	@Test
	void aMailOverTheSizeCapIsRefusedWith413() {
		byte[] huge = new byte[26 * 1024 * 1024];
		java.util.Arrays.fill(huge, (byte) 'a');
		byte[] header = "From: a@example.top\r\nSubject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(header, 0, huge, 0, header.length);

		HttpResponse<String> response = postMail(user("HELPDESK"), "/api/v1/mail-analysis", huge);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"kind\":\"TOO_LARGE\"");
	}

	@Test
	void aMailIsAttachedOnceAndOnlyByThoseAllowedAndAudited() {
		ApiClient helpdesk = user("HELPDESK");
		long incident = newIncident(helpdesk);
		long other = newIncident(helpdesk);
		byte[] mail = lure("b2");

		HttpResponse<String> first = postMail(helpdesk, "/api/v1/incidents/" + incident + "/mails", mail);
		HttpResponse<String> again = postMail(helpdesk, "/api/v1/incidents/" + incident + "/mails", mail);
		HttpResponse<String> byStaff = postMail(user("STAFF"), "/api/v1/incidents/" + incident + "/mails", mail);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("\"duplicate\":true");
		assertThat(group(MAIL_ID, again.body())).isEqualTo(group(MAIL_ID, first.body()));
		assertThat(byStaff.statusCode()).isEqualTo(403);
		String mailId = group(MAIL_ID, first.body());
		assertThat(helpdesk.get("/api/v1/incidents/" + incident + "/mails/" + mailId).statusCode()).isEqualTo(200);
		assertThat(helpdesk.get("/api/v1/incidents/" + other + "/mails/" + mailId).statusCode())
			.as("a mail id under another incident's path")
			.isEqualTo(404);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE target_type = 'Incident' AND target_id = ? "
					+ "AND action = 'MAIL_ATTACHED'")
			.param(Long.toString(incident))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPastedSourceThatIsNotMailComesBackInTheBoxWithTheReason() {
		long incident = newIncident(user("HELPDESK"));
		Browser helpdesk = signedIn("HELPDESK");
		helpdesk.get("/incidents/" + incident);
		String pasted = "件名: 請求書\nこれはメールのソースではなく本文だけです";

		HttpResponse<String> upload = helpdesk.postMultipart("/incidents/" + incident + "/mails",
				Map.of("source", pasted), Map.of(), "files");
		assertThat(upload.statusCode()).isEqualTo(302);
		String page = helpdesk.get("/incidents/" + incident).body();

		assertThat(page).contains("<strong>貼り付けたメール</strong>", "alert-danger")
			.doesNotContain("(pasted)")
			.containsPattern("name=\"source\"[^>]*>" + java.util.regex.Pattern.quote(pasted) + "</textarea>");
		assertThat(helpdesk.get("/incidents/" + incident).body()).as("once only").doesNotContain("これはメールのソースではなく");
	}

	@Test
	void uploadedMailsAreShownAsEvidenceAndTheRawMailIsForManagersOnly() {
		ApiClient helpdeskApi = user("HELPDESK");
		long incident = newIncident(helpdeskApi);
		Browser helpdesk = signedIn("HELPDESK");
		helpdesk.get("/incidents/" + incident);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("suspicious.eml", lure("c3"));
		files.put("photo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0 });

		HttpResponse<String> upload = helpdesk.postMultipart("/incidents/" + incident + "/mails", Map.of(), files,
				"files");
		assertThat(upload.statusCode()).isEqualTo(302);
		HttpResponse<String> page = helpdesk.get("/incidents/" + incident);
		assertThat(page.body()).contains("suspicious.eml", "photo.png", "Re: 請求書の件 c3", "当社の名前の悪用");

		long mailId = this.jdbc.sql("SELECT id FROM incident_mail WHERE incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single();
		HttpResponse<String> evidence = helpdesk.get("/incidents/" + incident + "/mails/" + mailId);
		assertThat(evidence.statusCode()).isEqualTo(200);
		assertThat(evidence.body()).contains("hxxps://cdn-upd[.]example[.]top/inv/c3", "DISPLAY_NAME_IMPERSONATION")
			.doesNotContain("href=\"https://cdn-upd", "<script>alert(1)</script>");
		assertThat(helpdesk.get("/incidents/" + incident + "/mails/" + mailId + "/raw").statusCode()).isEqualTo(403);

		HttpResponse<String> raw = signedIn("MANAGER").get("/incidents/" + incident + "/mails/" + mailId + "/raw");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(raw.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(raw.body()).contains("eigyo-c3@cdn-upd.example.top");
	}

	@Test
	void aNewIncidentStartsFromAMailWithTheFormFilledIn() {
		Browser helpdesk = signedIn("HELPDESK");
		helpdesk.get("/mails/new");
		HttpResponse<String> analysed = helpdesk.postMultipart("/mails/new", Map.of(),
				Map.of("forwarded.eml", lure("d4")), "file");
		assertThat(analysed.statusCode()).isEqualTo(302);
		String location = analysed.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/incidents/new?source=mail:");

		HttpResponse<String> form = helpdesk.get(location);
		assertThat(form.body()).contains("不審メール: Re: 請求書の件 d4", "value=\"MAIL\" selected", "value=\"HIGH\" selected",
				"2022-11-24T13:41");
		String source = location.substring(location.indexOf("source=") + 7);
		HttpResponse<String> created = helpdesk.post("/incidents", Map.of("title", "不審メール: Re: 請求書の件 d4", "channel",
				"MAIL", "severity", "HIGH", "reportedAt", "2026-11-20T10:30", "source", source));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		long incident = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		assertThat(this.jdbc.sql("SELECT subject FROM incident_mail WHERE incident_id = ?")
			.param(incident)
			.query(String.class)
			.list()).containsExactly("Re: 請求書の件 d4");
	}

	@Test
	void aMailSentToAPartnerPicksThatPartnerAndSaysWhenItIsAlreadyOnACase() {
		String domain = "pf" + System.nanoTime() + ".example.jp";
		HttpResponse<String> partner = user("HELPDESK").post("/api/v1/partners",
				"{\"name\": \"受信側商事 " + domain + "\", \"domains\": [\"" + domain + "\"], \"contacts\": []}");
		assertThat(partner.statusCode()).as(partner.body()).isEqualTo(201);
		long partnerId = Long.parseLong(partner.body().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		byte[] mail = TestMail.from(TestMail.encodedWord("北村精機株式会社 営業部") + " <eigyo@cdn-upd.example.top>")
			.header("To", "sato@" + domain)
			.header("Message-ID", "<" + domain + "@cdn-upd.example.top>")
			.subject("請求書の件 " + domain)
			.text("ご確認ください")
			.bytes();
		Browser helpdesk = signedIn("HELPDESK");

		String form = formFromMail(helpdesk, mail);
		assertThat(form).contains("value=\"" + partnerId + "\" selected", "このメールから作成します", "件名: 「請求書の件 " + domain + "」")
			.doesNotContain("/ Subject:", "すでに次のインシデント");
		String source = form.replaceAll("(?s).*name=\"source\" value=\"([^\"]+)\".*", "$1");
		HttpResponse<String> created = helpdesk.post("/incidents",
				Map.of("title", "受信側の件", "channel", "MAIL", "severity", "HIGH", "reportedAt", "2026-11-20T10:30",
						"source", source, "partnerId", Long.toString(partnerId)));
		assertThat(created.statusCode()).isEqualTo(302);
		String reference = this.jdbc.sql("SELECT reference FROM incident WHERE id = ?")
			.param(Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "")))
			.query(String.class)
			.single();

		assertThat(formFromMail(helpdesk, mail)).contains("同じメールがすでに次のインシデントにあります: " + reference);
	}

	private static String formFromMail(Browser helpdesk, byte[] mail) {
		helpdesk.get("/mails/new");
		HttpResponse<String> analysed = helpdesk.postMultipart("/mails/new", Map.of(), Map.of("forwarded.eml", mail),
				"file");
		assertThat(analysed.statusCode()).isEqualTo(302);
		return helpdesk.get(analysed.headers().firstValue("Location").orElseThrow()).body();
	}

	@Test
	void anIocShowsEveryIncidentItAppearsInAndExportsAsCsvAndStix() {
		ApiClient helpdesk = user("HELPDESK");
		long first = newIncident(helpdesk);
		long second = newIncident(helpdesk);
		postMail(helpdesk, "/api/v1/incidents/" + first + "/mails", lure("e5"));
		postMail(helpdesk, "/api/v1/incidents/" + second + "/mails", lure("e5-again"));
		String sender = "eigyo-e5@cdn-upd.example.top";

		HttpResponse<String> sightings = signedIn("STAFF").get("/iocs?kind=DOMAIN&value=cdn-upd.example.top");
		assertThat(sightings.statusCode()).isEqualTo(200);
		assertThat(sightings.body()).contains(reference(first), reference(second));

		Browser manager = signedIn("MANAGER");
		HttpResponse<String> csv = manager.get("/incidents/" + first + "/iocs.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFFkind,value").contains("EMAIL," + sender, "IP,203.0.113.77");
		HttpResponse<String> stix = manager.get("/incidents/" + first + "/iocs.stix.json");
		assertThat(stix.body()).contains("\"type\" : \"bundle\"", "\"spec_version\" : \"2.1\"",
				"[email-addr:value = '" + sender + "']");
		assertThat(signedIn("HELPDESK").get("/incidents/" + first + "/iocs.csv").statusCode()).isEqualTo(403);
	}

	@Test
	void indicatorsOfCompromiseNameTheAttackerNotOurRelaysNorThePartnerItImpersonates() {
		ApiClient helpdesk = user("HELPDESK");
		String partnerDomain = "partner-" + System.nanoTime() + ".example.jp";
		assertThat(
				helpdesk
					.post("/api/v1/partners",
							"""
									{"name": "青葉トレーディング", "domains": ["%s"],
									 "contacts": [{"name": "鈴木 一郎", "email": "suzuki@%s"}]}""".formatted(partnerDomain,
									partnerDomain))
					.statusCode())
			.isEqualTo(201);
		long incident = newIncident(helpdesk);
		byte[] mail = TestMail.from("鈴木 一郎 <suzuki@" + partnerDomain + ">")
			.header("Return-Path", "<bounce@mail.example-cheap.ru>")
			.received("from mail.example-cheap.ru (mail.example-cheap.ru [198.51.100.23]) by "
					+ "mx1.kitamura-seiki.co.jp with ESMTPS; Thu, 24 Nov 2022 13:41:01 +0900")
			.received("from mx1.kitamura-seiki.co.jp (mx1.kitamura-seiki.co.jp [203.0.113.5]) by "
					+ "mbox.kitamura-seiki.co.jp with LMTP; Thu, 24 Nov 2022 13:41:02 +0900")
			.text("請求書です。https://" + partnerDomain + "/news https://cdn-upd.example.top/inv/g7")
			.bytes();
		assertThat(postMail(helpdesk, "/api/v1/incidents/" + incident + "/mails", mail).statusCode()).isEqualTo(201);

		List<String> iocs = this.jdbc.sql("SELECT kind || ' ' || value FROM mail_ioc WHERE incident_id = ?")
			.param(incident)
			.query(String.class)
			.list();
		assertThat(iocs)
			.contains("EMAIL bounce@mail.example-cheap.ru", "DOMAIN mail.example-cheap.ru", "IP 198.51.100.23",
					"DOMAIN cdn-upd.example.top")
			.doesNotContain("EMAIL suzuki@" + partnerDomain, "DOMAIN " + partnerDomain, "IP 203.0.113.5");
	}

	@Test
	void aLongMultibyteUrlIsStoredAsAnIoc() {
		ApiClient helpdesk = user("HELPDESK");
		long incident = newIncident(helpdesk);
		// random kanji: a repeated text would compress below the index row limit
		java.util.Random random = new java.util.Random(7);
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < 1900; i++) {
			path.appendCodePoint(0x4E00 + random.nextInt(0x5000));
		}
		String url = "https://cdn-upd.example.top/" + path;
		byte[] mail = TestMail.from("x@cdn-upd.example.top").text("こちら " + url + " から").bytes();

		HttpResponse<String> attached = postMail(helpdesk, "/api/v1/incidents/" + incident + "/mails", mail);

		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_ioc WHERE incident_id = ? AND kind = 'URL' AND value = ?")
			.params(incident, url)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(signedIn("STAFF").get("/incidents/" + incident).statusCode()).isEqualTo(200);
	}

	@Test
	void rawMailsArePurgedAfterTheRetentionOfAClosedIncidentButTheAnalysisStays() {
		ApiClient helpdesk = user("HELPDESK");
		long closed = newIncident(helpdesk);
		long open = newIncident(helpdesk);
		byte[] oldMail = lure("f6");
		byte[] openMail = lure("g7");
		postMail(helpdesk, "/api/v1/incidents/" + closed + "/mails", oldMail);
		postMail(helpdesk, "/api/v1/incidents/" + open + "/mails", openMail);
		this.jdbc.sql("UPDATE incident SET status = 'CLOSED' WHERE id = ?").param(closed).update();
		this.jdbc.sql("""
				INSERT INTO incident_status_change (incident_id, from_status, to_status, changed_by, changed_at)
				VALUES (?, 'RECOVERED', 'CLOSED', 'manager', now() - interval '400 days')""").param(closed).update();

		this.retention.purge();

		assertThat(rawKept(closed)).isFalse();
		assertThat(rawKept(open)).isTrue();
		assertThat(this.jdbc.sql("SELECT analysis ->> 'verdict' FROM incident_mail WHERE incident_id = ?")
			.param(closed)
			.query(String.class)
			.single()).isEqualTo("SUSPICIOUS");
		assertThat(this.jdbc.sql("""
				SELECT coalesce(analysis ->> 'textBody', '') || jsonb_array_length(analysis -> 'to')
				       || jsonb_array_length(analysis -> 'triage' -> 'evidence') || (analysis ->> 'subject')
				FROM incident_mail WHERE incident_id = ?""").param(closed).query(String.class).single())
			.as("the text, recipients and quoted evidence leave with the raw mail; the subject stays for the reports")
			.isEqualTo("00Re: 請求書の件 f6");
		assertThat(this.jdbc.sql("SELECT analysis ->> 'textBody' FROM incident_mail WHERE incident_id = ?")
			.param(open)
			.query(String.class)
			.single()).contains("ご確認ください");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = ? AND action = 'MAIL_PURGED'")
			.param(Long.toString(closed))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRawMailKeptForAReplyStaysWhileItsCaseNeedsItAndLeavesWithTheReplysText() {
		ApiClient helpdesk = user("HELPDESK");
		long open = newIncident(helpdesk);
		long closed = newIncident(helpdesk);
		// as the reporting mailbox keeps a reply: two days ago, past the day an unused
		// mail waits
		String openReply = keptReply(open);
		String closedReply = keptReply(closed);
		this.jdbc.sql("UPDATE incident SET status = 'CLOSED' WHERE id = ?").param(closed).update();
		this.jdbc.sql("""
				INSERT INTO incident_status_change (incident_id, from_status, to_status, changed_by, changed_at)
				VALUES (?, 'RECOVERED', 'CLOSED', 'manager', now() - interval '400 days')""").param(closed).update();

		this.retention.purge();

		assertThat(this.jdbc.sql("""
				SELECT e.sha256 || ':' || (e.raw IS NOT NULL) || ':' || coalesce(c.body, '-')
				FROM incident_correspondence c JOIN mail_evidence e ON e.sha256 = c.sha256
				WHERE c.sha256 IN (?, ?) ORDER BY c.id""").params(openReply, closedReply).query(String.class).list())
			.containsExactly(openReply + ":true:We deleted it.", closedReply + ":false:-");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = ? AND action = 'MAIL_PURGED'")
			.param(Long.toString(closed))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String keptReply(long incident) {
		String sha256 = UUID.randomUUID().toString().replace("-", "");
		this.jdbc.sql("""
				INSERT INTO mail_evidence (sha256, size, raw, stored_at)
				VALUES (?, 5, 'reply'::bytea, now() - interval '2 days')""").param(sha256).update();
		this.jdbc.sql("""
				INSERT INTO incident_correspondence (incident_id, direction, kind, subject, body, at, sha256)
				VALUES (?, 'IN', 'REPLY', 'Re: notice', 'We deleted it.', now(), ?)""")
			.params(incident, sha256)
			.update();
		return sha256;
	}

	private boolean rawKept(long incident) {
		return this.jdbc.sql("""
				SELECT e.raw IS NOT NULL FROM incident_mail m JOIN mail_evidence e ON e.sha256 = m.sha256
				WHERE m.incident_id = ?""").param(incident).query(Boolean.class).single();
	}

	private String reference(long incident) {
		return this.jdbc.sql("SELECT reference FROM incident WHERE id = ?")
			.param(incident)
			.query(String.class)
			.single();
	}

	private Browser signedIn(String... roles) {
		Browser browser = new Browser(this.port);
		browser.signIn(Users.create(this.port, roles), Users.PASSWORD);
		return browser;
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

}
