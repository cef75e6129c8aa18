package io.spoofdesk.identity;

import java.net.http.HttpResponse;
import java.util.List;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/users}: create, list, change roles, disable; validated and audited. */
@ServerTest
class UserApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin() {
		return ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
	}

	@Test
	void adminCreatesListsChangesRolesAndDisablesAUser() {
		HttpResponse<String> created = admin().post("/api/v1/users", """
				{"username": "suzuki.ichiro", "displayName": "鈴木 一郎", "email": "suzuki@example.jp",
				 "roles": ["HELPDESK"], "password": "a-long-enough-password"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"displayName\":\"鈴木 一郎\"", "\"roles\":[\"HELPDESK\"]")
			.doesNotContain("password");
		long id = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'suzuki.ichiro'").query(Long.class).single();

		assertThat(admin().get("/api/v1/users").body()).contains("suzuki.ichiro");

		HttpResponse<String> roles = admin().put("/api/v1/users/" + id + "/roles",
				"{\"roles\": [\"HELPDESK\", \"MANAGER\"]}");
		assertThat(roles.statusCode()).isEqualTo(200);
		assertThat(roles.body()).contains("\"roles\":[\"HELPDESK\",\"MANAGER\"]");

		HttpResponse<String> disabled = admin().post("/api/v1/users/" + id + "/disable", "");
		assertThat(disabled.body()).contains("\"enabled\":false");
		assertThat(ApiClient.basic(this.port, "suzuki.ichiro", "a-long-enough-password")
			.get("/api/v1/tokens")
			.statusCode()).isEqualTo(401);

		assertThat(this.jdbc
			.sql("SELECT action FROM audit_event WHERE target_type = 'User' AND target_id = ?" + " ORDER BY id")
			.param(Long.toString(id))
			.query(String.class)
			.list()).containsExactly("USER_CREATED", "USER_ROLES_CHANGED", "USER_ROLES_CHANGED", "USER_DISABLED");
	}

	@Test
	void invalidUserIsRejectedWithEveryFieldError() {
		HttpResponse<String> response = admin().post("/api/v1/users", """
				{"username": "bad name!", "displayName": "", "roles": [], "password": "short"}""");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"field\":\"username\"", "\"field\":\"displayName\"",
				"\"field\":\"roles\"", "\"field\":\"password\"");
	}

	@Test
	void unknownRoleIsABadRequest() {
		HttpResponse<String> response = admin().post("/api/v1/users", """
				{"username": "x", "displayName": "X", "roles": ["ROOT"], "password": "a-long-enough-password"}""");
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void theSameNameCreatedAtTheSameMomentIsOneUserAndConflictsNeverAnError() throws Exception {
		String name = "race-" + System.nanoTime();
		String body = """
				{"username": "%s", "displayName": "Race", "roles": ["STAFF"], "password": "a-long-enough-password"}"""
			.formatted(name);
		ApiClient admin = admin();
		List<java.util.concurrent.Callable<Integer>> calls = java.util.Collections.nCopies(6,
				() -> admin.post("/api/v1/users", body).statusCode());
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		List<Integer> statuses = new java.util.ArrayList<>();
		try {
			for (java.util.concurrent.Future<Integer> future : pool.invokeAll(calls)) {
				statuses.add(future.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
	}

	@Test
	void takenUserNameIsAConflictWhateverItsCase() {
		HttpResponse<String> response = admin().post("/api/v1/users", """
				{"username": "ADMIN", "displayName": "Another", "roles": ["STAFF"],
				 "password": "a-long-enough-password"}""");
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("既に使われています");
	}

	@Test
	void adminCannotLockThemselvesOut() {
		long id = this.jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.param(ServerTest.ADMIN)
			.query(Long.class)
			.single();
		assertThat(admin().post("/api/v1/users/" + id + "/disable", "").statusCode()).isEqualTo(409);
		assertThat(admin().put("/api/v1/users/" + id + "/roles", "{\"roles\": [\"STAFF\"]}").statusCode())
			.isEqualTo(409);
	}

	@Test
	void unknownUserIs404() {
		assertThat(admin().get("/api/v1/users/999999").statusCode()).isEqualTo(404);
	}

}
