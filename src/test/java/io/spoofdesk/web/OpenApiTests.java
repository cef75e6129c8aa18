package io.spoofdesk.web;

import java.net.http.HttpResponse;

import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The API is described by OpenAPI, and the description is for admins only. */
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

}
