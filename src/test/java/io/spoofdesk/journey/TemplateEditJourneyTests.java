package io.spoofdesk.journey;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator edits a mail template in the browser, in each language: opens it from
 * the template list, types a new subject and watches the preview fill in the sample
 * company name as they type (htmx), saves, and finds the saved version. Screenshots of
 * each step under {@code target/screenshots}. The staff-notice template is used, which no
 * other journey reads; it is put back afterwards.
 */
@ServerTest
class TemplateEditJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "ja, テンプレートを保存しました。, 社内への周知", "en, Template saved., Internal notice to staff" })
	void anAdministratorEditsATemplateAndSeesThePreviewAsTheyType(String language, String saved, String listed)
			throws Exception {
		record Template(long id, String subject, String body) {
		}
		Template before = this.jdbc
			.sql("SELECT id, subject, body FROM mail_template WHERE purpose = 'STAFF_NOTICE' AND language = ?")
			.param(language)
			.query((rs, n) -> new Template(rs.getLong("id"), rs.getString("subject"), rs.getString("body")))
			.single();
		String subject = "[" + language + "] {{ourCompany}} " + System.nanoTime();
		try (RealBrowser browser = RealBrowser.open(this.port, language)) {
			browser.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD).go("/admin/templates");
			assertThat(browser.text()).contains(listed);
			browser.screenshot("template-" + language + "-1-list");
			browser.clickAndWait(By.cssSelector("a[href$='/admin/templates/" + before.id() + "']"),
					".*/admin/templates/" + before.id());
			browser.type(By.id("subject"), subject);
			String expected = subject.replace("{{ourCompany}}", "").strip().split(" ")[0];
			new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(ExpectedConditions
				.textToBePresentInElementLocated(By.id("preview"), subject.substring(subject.lastIndexOf(' ') + 1)));
			assertThat(browser.find(By.id("preview")).getText()).as("the sample company filled in")
				.startsWith(expected)
				.doesNotContain("{{ourCompany}}");
			browser.screenshot("template-" + language + "-2-preview");
			browser.clickAndWait(By.cssSelector("#templateForm button[type=submit]"),
					".*/admin/templates/" + before.id() + "$");
			assertThat(browser.text()).contains(saved);
			browser.screenshot("template-" + language + "-3-saved");
			assertThat(this.jdbc.sql("SELECT subject FROM mail_template WHERE id = ?")
				.param(before.id())
				.query(String.class)
				.single()).isEqualTo(subject);
		}
		finally {
			// put the template back for whoever reads it next
			long version = this.jdbc.sql("SELECT version FROM mail_template WHERE id = ?")
				.param(before.id())
				.query(Long.class)
				.single();
			ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD)
				.put("/api/v1/mail-templates/" + before.id(), "{\"subject\": " + json(before.subject()) + ", \"body\": "
						+ json(before.body()) + ", \"version\": " + version + "}");
		}
	}

	static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
