package io.spoofdesk.checklist;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Playbooks edited through the API under the admin pages' rules. */
@ServerTest
class PlaybookApiTests {

	private static final Pattern PLAYBOOK_ID = Pattern.compile("\"playbookId\":(\\d+)");

	private static final String PLAYBOOK = """
			{"nameJa": "API で作った手順 %s", "nameEn": "Made through the API %s", "active": true, %s
			 "steps": [{"position": 1, "phase": "IDENTIFY", "titleJa": "ヘッダーを確認する", "titleEn": "Check the headers",
			            "defaultRole": "HELPDESK", "dueHours": 4, "required": true, "evidenceRequired": false}]}""";

	@LocalServerPort
	int port;

	@Test
	void anAdministratorCreatesReadsAndVersionsAPlaybook() {
		ApiClient admin = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);

		HttpResponse<String> created = admin.post("/api/v1/playbooks", PLAYBOOK.formatted("1", "1", ""));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"version\":1", "\"dueOffsetMinutes\":240", "ヘッダーを確認する");
		Matcher id = PLAYBOOK_ID.matcher(created.body());
		assertThat(id.find()).isTrue();
		String url = "/api/v1/playbooks/" + id.group(1);

		HttpResponse<String> saved = admin.put(url, PLAYBOOK.formatted("2", "2", "\"version\": 1,"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(saved.body()).contains("\"version\":2", "API で作った手順 2");
		assertThat(admin.put(url, PLAYBOOK.formatted("3", "3", "\"version\": 1,")).statusCode())
			.as("someone saved version 2 since")
			.isEqualTo(409);

		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		assertThat(helpdesk.get(url).body()).contains("API で作った手順 2");
		assertThat(helpdesk.put(url, PLAYBOOK.formatted("4", "4", "\"version\": 2,")).statusCode()).isEqualTo(403);
	}

	@Test
	void aPlaybookWithoutNameOrStepsIsRefusedNamingTheFields() {
		ApiClient admin = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);

		HttpResponse<String> refused = admin.post("/api/v1/playbooks", """
				{"nameJa": "", "nameEn": "No steps", "steps": [{"titleJa": "", "titleEn": "x", "dueHours": -1}]}""");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"field\":\"nameJa\"", "\"field\":\"steps[0].titleJa\"",
				"\"field\":\"steps[0].dueHours\"");
	}

}
