package io.spoofdesk.web;

import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Health (with the database) and info for load balancers and operators. */
@ServerTest
class HealthTests {

	@LocalServerPort
	int port;

	@Test
	void anyoneSeesTheStatusAndAdminsSeeTheDatabaseCheck() {
		assertThat(new Browser(this.port).get("/actuator/health").body()).contains("\"status\":\"UP\"")
			.doesNotContain("\"db\"");

		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		assertThat(admin.get("/actuator/health").body()).contains("\"db\":{", "PostgreSQL");
	}

	@Test
	void infoNamesTheApplication() {
		assertThat(new Browser(this.port).get("/actuator/info").body()).contains("SpoofDesk");
	}

}
