package io.spoofdesk.journey;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a staff member opens a new case, ticks the first step in place
 * (htmx, no reload), and finishes the antivirus step with a scan log as evidence and a
 * result note; the progress bar follows. In Japanese and in English.
 */
@ServerTest
class ChecklistJourneyTests {

	private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path files;

	@Test
	void staffWorksThroughTheChecklistInJapanese() throws Exception {
		journey("ja", "完了", "1 / 16", "2 / 16", "全PCでフルスキャン");
	}

	@Test
	void staffWorksThroughTheChecklistInEnglish() throws Exception {
		journey("en", "Done", "1 / 16", "2 / 16", "full scan on every PC");
	}

	private void journey(String language, String done, String oneDone, String twoDone, String scanTitle)
			throws Exception {
		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		HttpResponse<String> created = helpdesk.send(helpdesk.request("/api/v1/incidents")
			.header("Accept-Language", language)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"""
							{"title": "Spoofed invoice mail", "channel": "PHONE", "severity": "HIGH",
							 "impersonatedAddresses": ["sales@kitamura-seiki.co.jp"], "reportedAt": "2026-11-27T23:00:00Z"}""")));
		Matcher matcher = ID.matcher(created.body());
		assertThat(matcher.find()).as(created.body()).isTrue();
		long incident = Long.parseLong(matcher.group(1));
		long obtain = stepOf(incident, "OBTAIN_MAIL");
		long scan = stepOf(incident, "AV_SCAN");
		Path log = this.files.resolve("scan-" + language + ".log");
		Files.writeString(log, "2026-11-28 09:00 full scan PC-01..PC-12: 0 threats\n", StandardCharsets.UTF_8);
		String staff = Users.create(this.port, "STAFF");

		try (RealBrowser browser = RealBrowser.open(this.port, language)) {
			browser.signIn(staff, Users.PASSWORD).go("/incidents/" + incident);
			browser.screenshot("checklist-" + language + "-1-incident");
			String before = browser.url();
			browser.clickAndWaitForText(By.cssSelector("#step-" + obtain + " button[type=submit]"),
					By.id("checklist-progress"), oneDone);
			assertThat(browser.url()).as("ticked in place").isEqualTo(before);
			assertThat(browser.find(By.id("step-" + obtain)).getText()).contains(done, staff);
			browser.screenshot("checklist-" + language + "-2-ticked");

			browser.clickAndWait(By.cssSelector("#step-" + scan + " a"), ".*/checklist/steps/" + scan + "$");
			assertThat(browser.text()).contains(scanTitle);
			browser.click(By.id("status-DONE"));
			browser.clickAndWait(By.cssSelector("form[action$='/status'] button[type=submit]"),
					".*/checklist/steps/" + scan + "$");
			assertThat(browser.find(By.id("stepError")).getText()).as("evidence is required first").isNotBlank();
			browser.screenshot("checklist-" + language + "-3-evidence-required");

			browser.find(By.id("evidenceFile")).sendKeys(log.toAbsolutePath().toString());
			browser.clickAndWait(By.cssSelector("form[action$='/evidence'] button[type=submit]"),
					".*/checklist/steps/" + scan + "(#evidence)?$");
			assertThat(browser.text()).contains("scan-" + language + ".log");
			browser.click(By.id("status-DONE"));
			browser.type(By.id("resultNote"), "PC-01〜PC-12: 0 threats");
			browser.clickAndWait(By.cssSelector("form[action$='/status'] button[type=submit]"),
					".*/checklist/steps/" + scan + "$");
			assertThat(browser.driver().findElements(By.id("stepError"))).isEmpty();
			assertThat(browser.text()).contains(staff);
			browser.screenshot("checklist-" + language + "-4-scan-done");

			browser.go("/incidents/" + incident);
			assertThat(browser.find(By.id("checklist-progress")).getText()).contains(twoDone);
			assertThat(browser.find(By.id("step-" + scan)).getText()).contains("PC-01〜PC-12: 0 threats");
			browser.screenshot("checklist-" + language + "-5-progress");
		}
	}

	private long stepOf(long incident, String kind) {
		return this.jdbc.sql("SELECT id FROM checklist_step WHERE incident_id = ? AND kind = ?")
			.params(incident, kind)
			.query(Long.class)
			.single();
	}

}
