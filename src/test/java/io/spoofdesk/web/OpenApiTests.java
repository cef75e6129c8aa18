package io.spoofdesk.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API is described by OpenAPI, and the description is for admins only. It passes the
 * rules of Redocly's "recommended" lint that a generated document can miss: a summary and
 * the problem+json client errors on every operation, described tags, a licence, and every
 * reference resolving.
 */
@ServerTest
class OpenApiTests {

	@LocalServerPort
	int port;

	@Test
	void adminsReadTheApiDescriptionAndTheSwaggerUi() {
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);

		HttpResponse<String> docs = admin.get("/v3/api-docs");

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("\"/api/v1/incidents\"", "\"/api/v1/partners\"", "\"/api/v1/users\"",
				"\"/api/v1/incidents/{id}/status\"", "bearer");
		assertThat(admin.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	@Test
	void otherRolesDoNot() {
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		assertThat(helpdesk.get("/v3/api-docs").statusCode()).isEqualTo(403);
		assertThat(helpdesk.get("/v3/api-docs.yaml").statusCode()).as("the YAML form too").isEqualTo(403);
		assertThat(new Browser(this.port).get("/v3/api-docs").statusCode()).isEqualTo(302);
	}

	@Test
	void everyOperationHasASummaryAndItsClientErrorsAndEveryReferenceResolves() {
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		String text = admin.get("/v3/api-docs").body();
		JsonNode document = JsonMapper.builder().build().readTree(text);

		assertThat(document.at("/info/license/name").asString()).isNotBlank();
		List<String> problems = new ArrayList<>();
		int operations = 0;
		for (var path : document.get("paths").properties()) {
			for (var entry : path.getValue().properties()) {
				String operation = entry.getKey().toUpperCase() + " " + path.getKey();
				JsonNode responses = entry.getValue().get("responses");
				operations++;
				if (entry.getValue().path("summary").asString("").isBlank()) {
					problems.add(operation + ": no summary");
				}
				if (responses.propertyNames().stream().noneMatch(status -> status.startsWith("4"))) {
					problems.add(operation + ": no 4xx answer");
				}
				else if (!responses.path("401").path("content").has("application/problem+json")) {
					problems.add(operation + ": 401 not problem+json");
				}
			}
		}
		for (JsonNode tag : document.path("tags")) {
			if (tag.path("description").asString("").isBlank()) {
				problems.add("tag " + tag.path("name").asString() + ": no description");
			}
		}
		Matcher refs = Pattern.compile("\"\\$ref\":\"#/components/schemas/([^\"]+)\"").matcher(text);
		while (refs.find()) {
			if (!document.path("components").path("schemas").has(refs.group(1))) {
				problems.add("unresolved $ref " + refs.group(1));
			}
		}
		assertThat(operations).isGreaterThan(50);
		assertThat(problems).isEmpty();
	}

}
