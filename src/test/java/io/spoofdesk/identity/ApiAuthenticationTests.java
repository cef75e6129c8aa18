package io.spoofdesk.identity;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The API is stateless: HTTP Basic or a personal token on each call, never the session
 * cookie.
 */
@ServerTest
class ApiAuthenticationTests {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"(sdk_[^\"]+)\"");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void callWithoutCredentialsIsAnswered401ProblemJson() {
		HttpResponse<String> response = ApiClient.anonymous(this.port).get("/api/v1/tokens");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":401");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(response.headers().allValues("WWW-Authenticate"))
			.as("no Basic challenge: a browser would cache typed credentials for cross-site posts")
			.noneMatch(value -> value.toLowerCase(java.util.Locale.ROOT).contains("basic"));
	}

	@Test
	void httpBasicAuthenticates() {
		String username = Users.create(this.port, "STAFF");
		assertThat(ApiClient.basic(this.port, username, Users.PASSWORD).get("/api/v1/tokens").statusCode())
			.isEqualTo(200);
		assertThat(ApiClient.basic(this.port, username, "wrong-password").get("/api/v1/tokens").statusCode())
			.isEqualTo(401);
	}

	@Test
	void personalTokenIsShownOnceWorksAndCanBeRevoked() {
		String username = Users.create(this.port, "HELPDESK");
		ApiClient basic = ApiClient.basic(this.port, username, Users.PASSWORD);

		HttpResponse<String> created = basic.post("/api/v1/tokens", "{\"name\": \"nightly export\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		String token = group(TOKEN, created.body());
		String id = group(ID, created.body());

		ApiClient bearer = ApiClient.bearer(this.port, token);
		HttpResponse<String> listed = bearer.get("/api/v1/tokens");
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains("nightly export").doesNotContain(token);

		assertThat(bearer.delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(204);
		assertThat(bearer.get("/api/v1/tokens").statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenInUseIsMarkedUsedAtMostOnceAMinute() {
		String username = Users.create(this.port, "HELPDESK");
		ApiClient basic = ApiClient.basic(this.port, username, Users.PASSWORD);
		HttpResponse<String> created = basic.post("/api/v1/tokens", "{\"name\": \"ticket sync\"}");
		String id = group(ID, created.body());
		assertThat(lastUsed(id)).as("never used yet").isNull();

		ApiClient bearer = ApiClient.bearer(this.port, group(TOKEN, created.body()));
		assertThat(bearer.get("/api/v1/incidents").statusCode()).isEqualTo(200);
		Instant first = lastUsed(id);
		assertThat(first).isNotNull();
		assertThat(bearer.get("/api/v1/incidents").statusCode()).isEqualTo(200);
		assertThat(lastUsed(id)).as("not written again within the minute").isEqualTo(first);

		this.jdbc.sql("UPDATE api_token SET last_used_at = now() - interval '2 minutes' WHERE id = ?")
			.param(Long.parseLong(id))
			.update();
		assertThat(bearer.get("/api/v1/incidents").statusCode()).isEqualTo(200);
		assertThat(lastUsed(id)).as("marked again once the minute has passed").isAfter(first);
	}

	private Instant lastUsed(String tokenId) {
		return this.jdbc.sql("SELECT last_used_at FROM api_token WHERE id = ?")
			.param(Long.parseLong(tokenId))
			.query((rs, row) -> (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null)
			.list()
			.get(0);
	}

	@Test
	void unknownTokenIsRefused() {
		assertThat(ApiClient.bearer(this.port, "sdk_not-a-real-token").get("/api/v1/tokens").statusCode())
			.isEqualTo(401);
	}

	@Test
	void anotherUsersTokenCannotBeRevoked() {
		String owner = Users.create(this.port, "STAFF");
		String other = Users.create(this.port, "STAFF");
		HttpResponse<String> created = ApiClient.basic(this.port, owner, Users.PASSWORD)
			.post("/api/v1/tokens", "{\"name\": \"mine\"}");
		String id = group(ID, created.body());

		assertThat(ApiClient.basic(this.port, other, Users.PASSWORD).delete("/api/v1/tokens/" + id).statusCode())
			.isEqualTo(404);
		assertThat(ApiClient.bearer(this.port, group(TOKEN, created.body())).get("/api/v1/tokens").statusCode())
			.isEqualTo(200);
	}

	@Test
	void browserSessionCookieDoesNotAuthenticateTheApi() {
		Browser browser = new Browser(this.port);
		browser.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		assertThat(browser.get("/").statusCode()).as("signed in").isEqualTo(200);

		HttpResponse<String> response = browser.get("/api/v1/users");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void tokenWithoutNameIsRejectedWithFieldErrors() {
		String username = Users.create(this.port, "STAFF");
		HttpResponse<String> response = ApiClient.basic(this.port, username, Users.PASSWORD)
			.post("/api/v1/tokens", "{\"name\": \"\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"name\"");
	}

	private static String group(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

}
