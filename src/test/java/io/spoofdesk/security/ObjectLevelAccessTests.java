package io.spoofdesk.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.spoofdesk.mailanalysis.TestMail;
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
 * Object-level access in one table: a step, an evidence file, a mail, a warning batch or
 * a draft of incident A, asked for under incident B's path, answers 404 - on the pages
 * and in the API, for reading and for changing - and nothing of A changes.
 */
@ServerTest
class ObjectLevelAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void objectsOfOneIncidentAreNotFoundUnderAnother() {
		String username = Users.create(this.port, "HELPDESK", "MANAGER");
		ApiClient api = ApiClient.basic(this.port, username, Users.PASSWORD);
		long a = incident(api, "object-level A");
		long b = incident(api, "object-level B");
		long step = this.jdbc.sql("SELECT id FROM checklist_step WHERE incident_id = ? AND position = 1")
			.param(a)
			.query(Long.class)
			.single();
		long evidence = this.jdbc.sql("""
				INSERT INTO step_evidence (step_id, incident_id, file_name, content_type, size_bytes, sha256, content,
				                           uploaded_by, uploaded_at)
				VALUES (?, ?, 'scan.png', 'image/png', 1, 'x', '\\x00', 'test', now()) RETURNING id""")
			.params(step, a)
			.query(Long.class)
			.single();
		HttpResponse<String> attached = api.send(api.request("/api/v1/incidents/" + a + "/mails")
			.header("Content-Type", "message/rfc822")
			.POST(HttpRequest.BodyPublishers
				.ofByteArray(TestMail.from("x <x@cdn.example.top>").subject("object level").text("t").bytes())));
		assertThat(attached.statusCode()).isEqualTo(201);
		long mail = this.jdbc.sql("SELECT max(id) FROM incident_mail WHERE incident_id = ?")
			.param(a)
			.query(Long.class)
			.single();
		long batch = this.jdbc.sql("""
				INSERT INTO warning_batch (incident_id, template_id, language, from_address, status, created_at,
				                           created_by)
				VALUES (?, (SELECT min(id) FROM mail_template), 'ja', 'soumu@kitamura-seiki.co.jp', 'DRAFT', now(),
				        'test') RETURNING id""").param(a).query(Long.class).single();
		long draft = this.jdbc.sql("""
				INSERT INTO warning_draft (batch_id, incident_id, recipient_label, to_address, subject, body, status,
				                           updated_at, updated_by)
				VALUES (?, ?, 'p', 'info@p.example.jp', 'subject A', 'body A', 'DRAFT', now(), 'test')
				RETURNING id""").params(batch, a).query(Long.class).single();
		String before = state(step, draft, batch);

		String onB = "/incidents/" + b;
		String apiOnB = "/api/v1/incidents/" + b;
		String stepJson = "{\"status\": \"DONE\", \"assignee\": \"" + username
				+ "\", \"dueAt\": \"2030-01-01T00:00:00Z\"}";
		List<String[]> table = List.of(new String[] { "GET", onB + "/checklist/steps/" + step },
				new String[] { "POST", onB + "/checklist/steps/" + step + "/status" },
				new String[] { "POST", onB + "/checklist/steps/" + step + "/assignee" },
				new String[] { "POST", onB + "/checklist/steps/" + step + "/due" },
				new String[] { "GET", onB + "/checklist/steps/" + step + "/evidence/" + evidence },
				new String[] { "GET", "/incidents/" + a + "/checklist/steps/" + (step + 1) + "/evidence/" + evidence },
				new String[] { "GET", onB + "/mails/" + mail }, new String[] { "GET", onB + "/mails/" + mail + "/raw" },
				new String[] { "GET", onB + "/warnings/" + batch },
				new String[] { "POST", onB + "/warnings/" + batch + "/submit" },
				new String[] { "GET", onB + "/warnings/" + batch + "/drafts/" + draft },
				new String[] { "POST", onB + "/warnings/" + batch + "/drafts/" + draft },
				new String[] { "POST", onB + "/warnings/" + batch + "/drafts/" + draft + "/cancel" },
				new String[] { "GET", onB + "/warnings/" + batch + "/drafts/" + draft + ".eml" },
				new String[] { "GET", apiOnB + "/checklist/steps/" + step },
				new String[] { "POST", apiOnB + "/checklist/steps/" + step + "/status" },
				new String[] { "PUT", apiOnB + "/checklist/steps/" + step + "/assignee" },
				new String[] { "PUT", apiOnB + "/checklist/steps/" + step + "/due" },
				new String[] { "GET", apiOnB + "/mails/" + mail },
				new String[] { "GET", apiOnB + "/warnings/" + batch },
				new String[] { "POST", apiOnB + "/warnings/" + batch + "/submit" },
				new String[] { "PUT", apiOnB + "/warnings/drafts/" + draft },
				new String[] { "POST", apiOnB + "/warnings/drafts/" + draft + "/cancel" },
				new String[] { "GET", apiOnB + "/warnings/drafts/" + draft + "/eml" });

		Browser browser = new Browser(this.port);
		browser.signIn(username, Users.PASSWORD);
		browser.get("/");
		List<String> wrong = new ArrayList<>();
		for (String[] call : table) {
			int status;
			if (call[1].startsWith("/api/")) {
				status = api
					.send(api.request(call[1])
						.header("Content-Type", "application/json")
						.method(call[0],
								"GET".equals(call[0]) ? HttpRequest.BodyPublishers.noBody()
										: HttpRequest.BodyPublishers
											.ofString(stepJson.replace("}", ", \"subject\": \"s\", \"body\": \"b\"}"))))
					.statusCode();
			}
			else {
				status = "GET".equals(call[0]) ? browser.get(call[1]).statusCode()
						: browser
							.post(call[1],
									Map.of("status", "DONE", "assignee", username, "dueAt", "2030-01-01T00:00",
											"subject", "s", "body", "b", "toAddress", "x@y.jp"))
							.statusCode();
			}
			if (status != 404) {
				wrong.add(call[0] + " " + call[1] + ": " + status);
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(state(step, draft, batch)).as("nothing of incident A changed").isEqualTo(before);
	}

	long incident(ApiClient api, String title) {
		HttpResponse<String> created = api.post("/api/v1/incidents", """
				{"title": "%s", "channel": "PHONE", "severity": "LOW", "impersonatedAddresses": [],
				 "reportedAt": "%s"}""".formatted(title, Instant.now()));
		assertThat(created.statusCode()).isEqualTo(201);
		return this.jdbc.sql("SELECT max(id) FROM incident").query(Long.class).single();
	}

	String state(long step, long draft, long batch) {
		return this.jdbc.sql("""
				SELECT s.status || s.version || coalesce(s.assignee, '') || coalesce(s.due_at::text, '') || '/'
				       || d.status || d.subject || d.version || '/' || b.status
				FROM checklist_step s, warning_draft d, warning_batch b WHERE s.id = ? AND d.id = ? AND b.id = ?""")
			.params(step, draft, batch)
			.query(String.class)
			.single();
	}

}
