package io.spoofdesk.warningmail;

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
 * Admins edit the shipped templates; a template with an unknown placeholder or template
 * syntax is refused with the list of valid placeholders; the preview fills sample data
 * and shows the result as text.
 */
@ServerTest
class MailTemplateTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long templateId(String purpose, String language) {
		return this.jdbc.sql("SELECT id FROM mail_template WHERE purpose = ? AND language = ?")
			.params(purpose, language)
			.query(Long.class)
			.single();
	}

	@Test
	void theShippedJapaneseWarningRendersPolitelyWithSampleData() {
		ApiClient admin = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		String template = admin.get("/api/v1/mail-templates/" + templateId("PARTNER_WARNING", "ja")).body();
		Matcher subject = Pattern.compile("\"subject\":\"([^\"]+)\"").matcher(template);
		assertThat(subject.find()).isTrue();

		HttpResponse<String> preview = admin.post("/api/v1/mail-templates/preview",
				"{\"subject\": \"" + subject.group(1) + "\", \"body\": \"{{partnerCompany}} {{contactName}}\", "
						+ "\"language\": \"ja\"}");

		assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
		assertThat(preview.body()).contains("【注意喚起】北村精機株式会社を装った不審なメールについて", "青葉トレーディング株式会社 佐藤 様");
		assertThat(template).contains("添付ファイルやURLは開かずに", "{{senderAddresses}}", "{{attachmentNames}}", "アカウントが悪用されて");
		assertThat(template).as("a stolen account sends from our real domain: nothing may promise it is safe")
			.doesNotContain("実際の送信元アドレスのドメイン");
	}

	@Test
	void theShippedJapaneseTemplatesFitIso2022Jp() {
		var encoder = java.nio.charset.Charset.forName("ISO-2022-JP").newEncoder();
		for (String text : this.jdbc
			.sql("SELECT subject || body FROM mail_template WHERE language = 'ja' AND updated_by = 'system'")
			.query(String.class)
			.list()) {
			assertThat(encoder.canEncode(text)).as(text).isTrue();
		}
	}

	@Test
	void aTemplateWithAnUnknownPlaceholderOrSyntaxIsRefusedWithTheValidOnes() {
		long id = templateId("STAFF_NOTICE", "en");
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin.get("/admin/templates/" + id);

		HttpResponse<String> refused = admin.post("/admin/templates/" + id,
				Map.of("subject", "Notice {{partnerName}}", "body", "{{#ourCompany}}x{{/ourCompany}} {{> evil}}"));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("unknown:partnerName", "syntax:#", "syntax:&gt;", "{{contactPhone}}",
				"is-invalid");
		assertThat(
				this.jdbc.sql("SELECT subject FROM mail_template WHERE id = ?").param(id).query(String.class).single())
			.as("nothing saved")
			.doesNotContain("partnerName");

		HttpResponse<String> api = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD)
			.put("/api/v1/mail-templates/" + id, "{\"subject\": \"a\\r\\nBcc: x@example.com\", \"body\": \"b\"}");
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.body()).contains("\"field\":\"subject\"");
	}

	@Test
	void theLivePreviewShowsTheFilledTemplateAsText() {
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin.get("/admin/templates/" + templateId("WEBSITE_NOTICE", "ja"));

		HttpResponse<String> preview = admin.htmxPost("/admin/templates/preview",
				Map.of("subject", "お知らせ <script>alert(1)</script>", "body",
						"{{ourCompany}}より\n<img src=x onerror=alert(1)>\n\n二段落目", "language", "ja", "purpose",
						"WEBSITE_NOTICE"));

		assertThat(preview.body()).contains("お知らせ &lt;script&gt;alert(1)&lt;/script&gt;", "北村精機株式会社より")
			.contains("&lt;p&gt;北村精機株式会社より&lt;br&gt;", "&amp;lt;img src=x onerror=alert(1)&amp;gt;")
			.doesNotContain("<script>", "<img");
	}

	@Test
	void savingMakesANewVersionAndAStaleSaveIsRefused() {
		long id = templateId("REPORTER_THANKS", "en");
		ApiClient admin = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		long version = this.jdbc.sql("SELECT version FROM mail_template WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single();

		HttpResponse<String> saved = admin.put("/api/v1/mail-templates/" + id,
				"{\"subject\": \"Thank you, {{contactName}}\", \"body\": \"Thanks from {{ourCompany}}\", \"version\": "
						+ version + "}");
		HttpResponse<String> stale = admin.put("/api/v1/mail-templates/" + id,
				"{\"subject\": \"Other\", \"body\": \"Other\", \"version\": " + version + "}");
		HttpResponse<String> staff = ApiClient.basic(this.port, Users.create(this.port, "STAFF"), Users.PASSWORD)
			.put("/api/v1/mail-templates/" + id, "{\"subject\": \"x\", \"body\": \"y\"}");

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(saved.body()).contains("\"version\":" + (version + 1));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(staff.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'TEMPLATE_SAVED' AND target_id = ?")
			.param(Long.toString(id))
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

}
