package io.spoofdesk.security;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.spoofdesk.mailanalysis.TestMail;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.OurCompany;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * subject, sender, body and attachment name, then every page that shows them opened in
 * the real browser: no script ran (each payload would set {@code window.__xss} or open a
 * dialog), no template was evaluated ({@code 7*7} never became 49) and the text reads
 * back as it was typed.
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
				.attach(hostile + ".zip", "application/zip", TestMail.zip("請求書.txt", hostile))
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
				check(browser, page, wrong);
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

	/**
	 * The rest of the ways text gets in: a partner CSV imported in the browser, a mail
	 * template and a playbook edited by an administrator, evidence file names, the names
	 * in a warning mail's address list, and multi-line, very long and control-character
	 * text in notes. Every page showing them opened in Chromium; every hostile string
	 * also searched through the API (incidents and partners), which answers JSON, never
	 * an error.
	 */
	@Test
	void hostileStringsInImportsTemplatesPlaybooksFileNamesAndApiSearches() throws Exception {
		String marker = "hy" + System.nanoTime();
		OurCompany.isKitamura(this.port);
		ApiClient admin = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		ApiClient manager = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		List<String> pages = new ArrayList<>(
				List.of("/partners?q=" + marker, "/admin/playbooks", "/admin/templates", "/tasks", "/dashboard"));

		long playbook = hostilePlaybook(marker);
		pages.add("/admin/playbooks/" + playbook);
		HttpResponse<String> created = manager.post("/api/v1/incidents", """
				{"title": %s, "channel": "PHONE", "severity": "HIGH", "impersonatedAddresses": [],
				 "reportedAt": "%s"}""".formatted(json(marker + " playbook"), Instant.now()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long incident = this.jdbc.sql("SELECT max(id) FROM incident").query(Long.class).single();
		assertThat(manager
			.post("/api/v1/incidents/" + incident + "/checklist/playbook", "{\"playbookId\": " + playbook + "}")
			.statusCode()).isEqualTo(200);
		pages.add("/incidents/" + incident);

		long step = this.jdbc.sql("SELECT min(id) FROM checklist_step WHERE incident_id = ? AND NOT dormant")
			.param(incident)
			.query(Long.class)
			.single();
		for (String hostile : HOSTILE) {
			HttpResponse<String> added = manager
				.send(manager.request("/api/v1/incidents/" + incident + "/checklist/steps/" + step + "/evidence")
					.header("Content-Type", "multipart/form-data; boundary=x-hostile")
					.POST(HttpRequest.BodyPublishers
						.ofString("--x-hostile\r\nContent-Disposition: form-data; name=\"file\";" + " filename=\""
								+ hostile.replace("\"", "%22") + ".txt\"\r\nContent-Type: text/plain\r\n\r\n"
								+ "scan ok\r\n--x-hostile--\r\n", StandardCharsets.UTF_8)));
			assertThat(added.statusCode()).as(hostile + ": " + added.body()).isEqualTo(201);
		}
		pages.add("/incidents/" + incident + "/checklist/steps/" + step);
		for (String text : List.of("line one\r\nSet-Cookie: hacked=1\r\n\r\n<script>window.__xss=8</script>",
				"長い".repeat(4000), "\u0000\u0007\u001b[31m\u200b\u2028\ufeff control")) {
			HttpResponse<String> note = manager.post("/api/v1/incidents/" + incident + "/notes",
					"{\"body\": " + json(text) + "}");
			assertThat(note.statusCode()).as(note.body()).isIn(201, 400);
		}

		MailTemplate template = firstTemplate(admin);
		try {
			// template syntax in a template is refused, with what and where
			HttpResponse<String> refused = saveTemplate(admin, template.id(), "{{ourCompany}} {{7*7}}", "{{=<% %>=}}",
					template.version());
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("\"field\":\"subject\"", "\"field\":\"body\"", "7*7");
			List<String> markup = HOSTILE.stream().filter(hostile -> !hostile.contains("{{")).toList();
			HttpResponse<String> saved = saveTemplate(admin, template.id(),
					"{{ourCompany}} " + String.join(" ", markup), "{{contactName}}\n" + String.join("\n", markup),
					template.version());
			assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
			pages.add("/admin/templates/" + template.id());
			StringBuilder book = new StringBuilder("name,email\n");
			for (int i = 0; i < HOSTILE.size(); i++) {
				book.append(HOSTILE.get(i).replace(",", " ").replace("\"", "'"))
					.append(",tanto@hostile")
					.append(i)
					.append(".example.jp\n");
			}
			HttpResponse<String> batch = manager.post("/api/v1/incidents/" + incident + "/warnings",
					"{\"language\": \"" + template.language() + "\", \"fromAddress\": \"soumu@kitamura-seiki.co.jp\","
							+ " \"addressList\": " + json(book.toString()) + "}");
			assertThat(batch.statusCode()).as(batch.body()).isEqualTo(201);
			pages.add("/warnings?show=pending");
			pages.add(
					"/incidents/" + incident + "/warnings/" + batch.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));

			Path csv = Files.createTempFile("hostile-partners", ".csv");
			StringBuilder rows = new StringBuilder(
					"name,name_kana,domains,contact_name,contact_email,contact_phone,contact_role,notes\n");
			for (int i = 0; i < HOSTILE.size(); i++) {
				String cell = "\"" + (marker + " " + HOSTILE.get(i)).replace("\"", "\"\"") + "\"";
				rows.append(cell)
					.append(',')
					.append(cell)
					.append(",csv")
					.append(i)
					.append('-')
					.append(marker)
					.append(".example.jp,")
					.append(cell)
					.append(",c")
					.append(i)
					.append("@csv")
					.append(i)
					.append('-')
					.append(marker)
					.append(".example.jp,03-1234-567")
					.append(i % 10)
					.append(',')
					.append(cell)
					.append(',')
					.append(cell)
					.append('\n');
			}
			Files.writeString(csv, rows, StandardCharsets.UTF_8);

			String editor = Users.create(this.port, "HELPDESK", "MANAGER", "ADMIN");
			try (RealBrowser browser = RealBrowser.open(this.port, "ja")) {
				browser.signIn(editor, Users.PASSWORD);
				List<String> wrong = new ArrayList<>();
				browser.go("/partners/import");
				browser.find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
				browser.clickAndWait(By.cssSelector("form[enctype] button[type=submit]"), ".*/partners/import/preview");
				check(browser, "/partners/import/preview", wrong);
				browser.screenshot("hostile-input-csv-preview");
				browser.clickAndWait(By.cssSelector("form[action$='/partners/import'] button[type=submit]"),
						".*/partners.*");
				for (String page : pages) {
					browser.go(page);
					check(browser, page, wrong);
				}
				assertThat(wrong).isEmpty();
				browser.go("/partners?q=" + marker);
				for (String hostile : HOSTILE) {
					assertThat(browser.text()).as("imported partner reads back as typed")
						.contains(marker + " " + hostile.strip());
				}
				browser.go("/incidents/" + incident + "/checklist/steps/" + step);
				assertThat(browser.text()).contains("{{7*7}} ${7*7} [[${7*7}]].txt");
			}
			Files.delete(csv);
		}
		finally {
			assertThat(saveTemplate(admin, template.id(), template.subject(), template.body(),
					firstTemplate(admin).version())
				.statusCode()).as("the template restored for the other tests").isEqualTo(200);
		}

		for (String hostile : HOSTILE) {
			String q = URLEncoder.encode(hostile, StandardCharsets.UTF_8);
			HttpResponse<String> incidents = manager.get("/api/v1/incidents?q=" + q);
			assertThat(incidents.statusCode()).as(hostile).isEqualTo(200);
			assertThat(incidents.body()).startsWith("{\"items\":");
			HttpResponse<String> partners = manager.get("/api/v1/partners?q=" + q);
			assertThat(partners.statusCode()).as(hostile).isEqualTo(200);
			assertThat(partners.body()).as("the imported partner is found by its hostile name: " + hostile)
				.contains(marker);
		}
	}

	/** An administrator's playbook whose name and step titles are the hostile strings. */
	long hostilePlaybook(String marker) {
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin.get("/admin/playbooks/new");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("nameJa", marker + " " + HOSTILE.get(0));
		fields.put("nameEn", marker + " " + HOSTILE.get(1));
		fields.put("descriptionJa", String.join("\n", HOSTILE));
		fields.put("active", "true");
		for (int i = 0; i < HOSTILE.size(); i++) {
			fields.put("steps[" + i + "].position", Integer.toString(i + 1));
			fields.put("steps[" + i + "].phase", "IDENTIFY");
			fields.put("steps[" + i + "].titleJa", HOSTILE.get(i));
			fields.put("steps[" + i + "].titleEn", HOSTILE.get(i));
			fields.put("steps[" + i + "].guidanceJa", HOSTILE.get(i));
			fields.put("steps[" + i + "].defaultRole", "STAFF");
			fields.put("steps[" + i + "].dueHours", "2");
		}
		HttpResponse<String> created = admin.post("/admin/playbooks", fields);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String page = created.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
	}

	static HttpResponse<String> saveTemplate(ApiClient admin, long id, String subject, String body, long version) {
		return admin.put("/api/v1/mail-templates/" + id, """
				{"subject": %s, "body": %s, "version": %d}""".formatted(json(subject), json(body), version));
	}

	record MailTemplate(long id, long version, String language, String subject, String body) {

	}

	MailTemplate firstTemplate(ApiClient admin) {
		return this.jdbc.sql(
				"SELECT id, version, language, subject, body FROM mail_template WHERE purpose = 'PARTNER_WARNING' AND language = 'ja'")
			.query((rs, n) -> new MailTemplate(rs.getLong("id"), rs.getLong("version"), rs.getString("language"),
					rs.getString("subject"), rs.getString("body")))
			.single();
	}

	/** Whether a page ran a script or opened a dialog. */
	static void check(RealBrowser browser, String page, List<String> wrong) {
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
