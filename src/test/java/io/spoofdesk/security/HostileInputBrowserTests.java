package io.spoofdesk.security;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.spoofdesk.mailanalysis.TestMail;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile strings - script tags, event handlers, javascript: URLs, SVG, template syntax
 * of several engines, SQL fragments, spreadsheet formulas, right-to-left overrides - put
 * into incident titles and summaries, notes, partner names, step results and a mail's
 * subject and sender, then every page that shows them opened in the real browser: no
 * script ran (each payload would set {@code window.__xss} or open a dialog), no template
 * was evaluated ({@code 7*7} never became 49) and the text reads back as it was typed.
 */
@ServerTest
class HostileInputBrowserTests {

	static final List<String> HOSTILE = List.of("<script>window.__xss=1</script>",
			"<img src=x onerror=\"window.__xss=2\">", "\"><svg onload=window.__xss=3>", "javascript:window.__xss=4",
			"'><iframe src=javascript:window.__xss=5>", "{{7*7}} ${7*7} [[${7*7}]]", "{{=<% %>=}} <%= 7*7 %> #{7*7}",
			"'; DROP TABLE incident; --", "=HYPERLINK(\"http://x\") +1 -1 @SUM(1)", "\u202Egpj.exe 右から左",
			"<a href=\"javascript:window.__xss=6\">click</a>");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void hostileStringsEverywhereRunNoScriptAndReadBackAsTyped() throws Exception {
		String marker = "hx" + System.nanoTime();
		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		List<Long> incidents = new ArrayList<>();
		for (int i = 0; i < HOSTILE.size(); i++) {
			String hostile = HOSTILE.get(i);
			HttpResponse<String> partner = helpdesk.post("/api/v1/partners", """
					{"name": %s, "domains": ["p%d-%s.example.jp"], "contacts": []}"""
				.formatted(json(marker + " " + hostile), i, marker));
			assertThat(partner.statusCode()).as(partner.body()).isEqualTo(201);
			long partnerId = Long.parseLong(partner.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
			HttpResponse<String> created = helpdesk.post("/api/v1/incidents", """
					{"title": %s, "summary": %s, "partnerId": %d, "channel": "PHONE", "severity": "HIGH",
					 "impersonatedAddresses": [], "reportedAt": "%s"}""".formatted(json(marker + " " + hostile),
					json(hostile + "\n" + hostile), partnerId, Instant.now()));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			long id = this.jdbc.sql("SELECT max(id) FROM incident").query(Long.class).single();
			incidents.add(id);
			assertThat(helpdesk.post("/api/v1/incidents/" + id + "/notes", "{\"body\": " + json(hostile) + "}")
				.statusCode()).isEqualTo(201);
			this.jdbc.sql("""
					UPDATE checklist_step SET status = 'DONE', completed_by = 'x', completed_at = now(), result_note = ?
					WHERE incident_id = ? AND position = 1""").params(hostile, id).update();
			byte[] mail = TestMail.from("\"" + hostile.replace("\"", "'") + "\" <evil" + i + "@cdn.example.top>")
				.subject(hostile)
				.text(hostile)
				.bytes();
			HttpResponse<String> attached = helpdesk.send(helpdesk.request("/api/v1/incidents/" + id + "/mails")
				.header("Content-Type", "message/rfc822")
				.POST(HttpRequest.BodyPublishers.ofByteArray(mail)));
			assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		}

		List<String> pages = new ArrayList<>(List.of("/incidents?q=" + marker, "/partners?q=" + marker, "/dashboard",
				"/reports", "/tasks", "/iocs?kind=DOMAIN&value=cdn.example.top"));
		for (String hostile : HOSTILE) {
			pages.add("/incidents?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
		}
		for (long id : incidents) {
			pages.add("/incidents/" + id);
			pages.add("/incidents/" + id + "/report");
			pages.add("/incidents/" + id + "/checklist/steps/"
					+ this.jdbc.sql("SELECT id FROM checklist_step WHERE incident_id = ? AND position = 1")
						.param(id)
						.query(Long.class)
						.single());
			pages.add("/incidents/" + id + "/mails/"
					+ this.jdbc.sql("SELECT max(id) FROM incident_mail WHERE incident_id = ?")
						.param(id)
						.query(Long.class)
						.single());
		}
		String manager = Users.create(this.port, "MANAGER");
		try (RealBrowser browser = RealBrowser.open(this.port, "ja")) {
			browser.signIn(manager, Users.PASSWORD);
			List<String> wrong = new ArrayList<>();
			for (String page : pages) {
				browser.go(page);
				Object flag = ((JavascriptExecutor) browser.driver()).executeScript("return window.__xss || null;");
				if (flag != null) {
					wrong.add(page + ": script " + flag + " ran");
				}
				try {
					browser.driver().switchTo().alert();
					wrong.add(page + ": a dialog opened");
				}
				catch (NoAlertPresentException expected) {
					// no dialog: good
				}
			}
			assertThat(wrong).isEmpty();
			for (int i = 0; i < HOSTILE.size(); i++) {
				for (String page : List.of("/incidents/" + incidents.get(i),
						"/incidents/" + incidents.get(i) + "/report")) {
					browser.go(page);
					assertThat(browser.text()).as("%s reads back as typed, templates unevaluated", page)
						.contains(marker + " " + HOSTILE.get(i).strip());
				}
			}
			browser.screenshot("hostile-input-incident");
		}
	}

	static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default ->
					out.append((c < 0x20 || c == 0x202E) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return out.append('"').toString();
	}

}
