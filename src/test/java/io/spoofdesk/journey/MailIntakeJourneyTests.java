package io.spoofdesk.journey;

import java.nio.file.Files;
import java.nio.file.Path;

import io.spoofdesk.mailanalysis.TestMail;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the helpdesk starts a new incident from a suspicious .eml, the form
 * comes pre-filled, the case page shows the mail and the triage hint, and the evidence
 * page shows the indicators with defanged links, and no script from the mail runs. In
 * Japanese and in English.
 */
@ServerTest
class MailIntakeJourneyTests {

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	@Test
	void helpdeskStartsAnIncidentFromASuspiciousMailInJapanese() throws Exception {
		journey("ja", "北村精機株式会社 営業部", "当社の名前の悪用", "当社名の悪用（スキャンとパスワード確認あり）", "は当社または当社の社員を名乗っています");
	}

	@Test
	void helpdeskStartsAnIncidentFromASuspiciousMailInEnglish() throws Exception {
		journey("en", "Kitamura Seiki Sales", "Our name is abused", "Our name abused (scan and password check kept)",
				"names our company or staff");
	}

	private void journey(String language, String display, String triageText, String suggestedPlaybook,
			String evidenceText) throws Exception {
		ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD).put("/api/v1/settings/identity", """
				{"companyName": "北村精機株式会社", "domains": ["kitamura-seiki.co.jp"],
				 "staff": [{"name": "Kitamura Seiki Sales", "email": "sales@kitamura-seiki.co.jp"}],
				 "receivingServers": ["mx1.kitamura-seiki.co.jp"], "sendingHosts": [],
				 "timeZone": "Asia/Tokyo", "workingHours": {"start": "08:00", "end": "20:00"}}""");
		Path mail = this.files.resolve("suspicious-" + language + ".eml");
		Files.write(mail,
				TestMail.from(TestMail.encodedWord(display) + " <sales@cdn-upd.example.top>")
					.received("from cdn-upd.example.top (cdn-upd.example.top [203.0.113.77]) by mx.aoba-trading.co.jp "
							+ "with ESMTP; Thu, 24 Nov 2022 13:41:00 +0900")
					.subject("Re: 請求書 " + language)
					.html("<p>請求書は<a href=\"https://cdn-upd.example.top/inv/" + language + "\">こちら</a></p>"
							+ "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>")
					.attach("請求書.docm", "application/octet-stream", new byte[] { 1, 2, 3 })
					.bytes());
		String user = Users.create(this.port, "HELPDESK");

		try (RealBrowser browser = RealBrowser.open(this.port, language)) {
			browser.signIn(user, Users.PASSWORD)
				.go("/incidents/new")
				.screenshot("mail-" + language + "-1-new-incident");
			browser.clickAndWait(By.cssSelector("a[href='/mails/new']"), ".*/mails/new$");
			browser.find(By.id("file")).sendKeys(mail.toAbsolutePath().toString());
			browser.screenshot("mail-" + language + "-2-upload");
			browser.clickAndWait(By.cssSelector("form[action='/mails/new'] button[type=submit]"),
					".*/incidents/new\\?source=mail:.*");
			assertThat(browser.find(By.id("title")).getAttribute("value")).contains("Re: 請求書 " + language);
			assertThat(new Select(browser.find(By.id("severity"))).getFirstSelectedOption().getAttribute("value"))
				.as("a HIGH indicator suggests a HIGH severity")
				.isEqualTo("HIGH");
			assertThat(new Select(browser.find(By.id("channel"))).getFirstSelectedOption().getAttribute("value"))
				.isEqualTo("MAIL");
			browser.screenshot("mail-" + language + "-3-prefilled-form");
			browser.clickAndWait(By.cssSelector("form[action='/incidents'] button[type=submit]"), ".*/incidents/\\d+$");
			assertThat(browser.text()).contains(triageText, "Re: 請求書 " + language, evidenceText);
			assertThat(browser.find(By.id("suggested-playbook")).getText()).contains(suggestedPlaybook);
			browser.screenshot("mail-" + language + "-4-incident-with-mail-and-suggested-playbook");
			browser.clickAndWait(By.cssSelector("#suggested-playbook button[type=submit]"),
					".*/incidents/\\d+(#checklist)?$");
			assertThat(browser.driver().findElements(By.id("suggested-playbook"))).as("now in use").isEmpty();
			assertThat(browser.find(By.id("checklist")).getText()).contains(suggestedPlaybook);
			browser.screenshot("mail-" + language + "-4b-suggested-playbook-in-use");
			browser.clickAndWait(By.linkText("Re: 請求書 " + language), ".*/incidents/\\d+/mails/\\d+$");

			assertThat(browser.text()).contains("hxxps://cdn-upd[.]example[.]top/inv/" + language,
					"DISPLAY_NAME_IMPERSONATION", "MACRO_DOCUMENT", "HTML_ACTIVE_CONTENT");
			assertThat(browser.driver().findElements(By.cssSelector("a[href^='https://cdn-upd']"))).isEmpty();
			assertThat(browser.driver().getTitle()).doesNotContain("pwned");
			browser.screenshot("mail-" + language + "-5-evidence");
		}
	}

}
