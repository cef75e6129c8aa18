package io.spoofdesk.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way in, as one suite: the sign-in form, HTTP Basic, API tokens and the
 * current-password check of a password change are each throttled after repeated failures
 * (then even the right secret is refused); signing in gives a new session id and the old
 * one opens nothing; signing out ends the session for good; API calls create no session;
 * and a session follows its account — disabled or password reset by an administrator ends
 * it at its next request, new roles apply at once, a password changed in one session ends
 * the others.
 */
@ServerTest
class AuthenticationPathsTests {

	static final int MAX_FAILURES_PER_USER = 5;

	static final int MAX_FAILURES_PER_ADDRESS = 20;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetFailures() {
		// every test runs from 127.0.0.1: leave no block behind for the other tests
		this.jdbc.sql("DELETE FROM auth_throttle").update();
	}

	/** One way in: how to fail it, and whether the right secret got through. */
	record Door(String name, Function<String, Boolean> failOnce, Function<String, Boolean> rightSecretGetsIn) {

	}

	@Test
	void everyWayInRefusesEvenTheRightSecretAfterRepeatedFailures() {
		Map<String, Browser> sessions = new HashMap<>();
		List<Door> doors = List.of(new Door("sign-in form", user -> {
			HttpResponse<String> failed = new Browser(this.port).signIn(user, "wrong-password");
			return location(failed).endsWith("/login?error");
		}, user -> !location(new Browser(this.port).signIn(user, Users.PASSWORD)).contains("/login?")), new Door(
				"HTTP Basic",
				user -> ApiClient.basic(this.port, user, "wrong-password").get("/api/v1/tokens").statusCode() == 401,
				user -> ApiClient.basic(this.port, user, Users.PASSWORD).get("/api/v1/tokens").statusCode() == 200),
				new Door("current password of a password change", user -> {
					// one session: a successful sign-in would clear the user's count
					Browser browser = sessions.computeIfAbsent(user, this::signedIn);
					return changePassword(browser, "wrong-password", "a-new-Pa55word-123").body()
						.contains("現在のパスワードが正しくありません");
				}, user -> {
					Browser browser = new Browser(this.port);
					browser.signIn(user, Users.PASSWORD);
					return browser.get("/profile").statusCode() == 200;
				}));
		for (Door door : doors) {
			String user = Users.create(this.port, "STAFF");
			for (int attempt = 0; attempt < MAX_FAILURES_PER_USER; attempt++) {
				assertThat(door.failOnce().apply(user)).as(door.name() + ": failure " + attempt + " counted as one")
					.isTrue();
			}
			assertThat(door.rightSecretGetsIn().apply(user)).as(door.name() + ": blocked after the failures").isFalse();
			assertThat(location(new Browser(this.port).signIn(user, Users.PASSWORD)))
				.as(door.name() + ": the block holds at the sign-in form too")
				.endsWith("/login?throttled");
			forgetFailures();
			assertThat(door.rightSecretGetsIn().apply(user)).as(door.name() + ": in again once the block is over")
				.isTrue();
		}
	}

	@Test
	void guessingApiTokensBlocksTheAddressOnEveryPath() {
		String user = Users.create(this.port, "STAFF");
		for (int attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt++) {
			assertThat(ApiClient.bearer(this.port, "sdk_guess" + attempt).get("/api/v1/tokens").statusCode())
				.isEqualTo(401);
		}
		assertThat(ApiClient.basic(this.port, user, Users.PASSWORD).get("/api/v1/tokens").statusCode()).isEqualTo(429);
		assertThat(location(new Browser(this.port).signIn(user, Users.PASSWORD))).endsWith("/login?throttled");
	}

	@Test
	void signingInGivesANewSessionIdAndTheOldOneOpensNothing() {
		String user = Users.create(this.port, "STAFF");
		Browser browser = new Browser(this.port);
		browser.get("/login");
		String before = browser.cookie("JSESSIONID");
		assertThat(before).isNotNull();

		browser.signIn(user, Users.PASSWORD);

		String after = browser.cookie("JSESSIONID");
		assertThat(after).isNotEqualTo(before);
		assertThat(withSessionCookie("/incidents", before).statusCode()).isEqualTo(302);
		assertThat(withSessionCookie("/incidents", after).statusCode()).isEqualTo(200);
	}

	@Test
	void signingOutEndsTheSessionForGood() {
		Browser browser = signedIn(Users.create(this.port, "STAFF"));
		String session = browser.cookie("JSESSIONID");
		assertThat(browser.get("/logout").statusCode()).as("not by a link a page could plant").isNotEqualTo(302);
		assertThat(withSessionCookie("/incidents", session).statusCode()).isEqualTo(200);

		browser.get("/incidents");
		assertThat(location(browser.post("/logout", Map.of()))).endsWith("/login?logout");

		assertThat(withSessionCookie("/incidents", session).statusCode()).as("the old cookie, replayed").isEqualTo(302);
	}

	@Test
	void apiCallsCreateNoSession() {
		String user = Users.create(this.port, "STAFF");
		HttpResponse<String> basic = ApiClient.basic(this.port, user, Users.PASSWORD).get("/api/v1/tokens");
		String token = ApiClient.basic(this.port, user, Users.PASSWORD)
			.post("/api/v1/tokens", "{\"name\": \"sessions\"}")
			.body()
			.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		HttpResponse<String> bearer = ApiClient.bearer(this.port, token).get("/api/v1/tokens");
		assertThat(bearer.statusCode()).isEqualTo(200);
		for (HttpResponse<String> response : List.of(basic, bearer)) {
			assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		}
	}

	@Test
	void anAccountDisabledWhileSignedInIsSignedOutAtItsNextRequest() {
		String user = Users.create(this.port, "STAFF");
		Browser browser = signedIn(user);
		Browser anotherTab = signedIn(user);
		assertThat(browser.get("/incidents").statusCode()).isEqualTo(200);
		anotherTab.get("/tasks");

		assertThat(admin().post("/api/v1/users/" + idOf(user) + "/disable", "").statusCode()).isEqualTo(200);

		assertThat(location(browser.get("/incidents"))).endsWith("/login?expired");
		assertThat(browser.get("/login?expired").body()).contains("アカウントの状態が変わったため");
		assertThat(browser.get("/incidents").statusCode()).as("and stays out").isEqualTo(302);
		HttpResponse<String> partial = anotherTab.htmxPost("/notifications/read", Map.of());
		assertThat(partial.headers().firstValue("HX-Redirect")).as("htmx is sent to the sign-in page as a whole")
			.contains("/login?expired");
	}

	@Test
	void aPasswordResetByAnAdministratorEndsTheUsersSessions() {
		String user = Users.create(this.port, "STAFF");
		Browser browser = signedIn(user);
		Browser administrator = signedIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		administrator.get("/admin/users/" + idOf(user));

		assertThat(administrator.post("/admin/users/" + idOf(user) + "/reset-password", Map.of()).statusCode())
			.isEqualTo(302);

		assertThat(location(browser.get("/incidents"))).endsWith("/login?expired");
	}

	@Test
	void newRolesApplyToASessionAtOnce() {
		String user = Users.create(this.port, "MANAGER");
		Browser browser = signedIn(user);
		assertThat(browser.get("/reports").statusCode()).isEqualTo(200);

		admin().put("/api/v1/users/" + idOf(user) + "/roles", "{\"roles\": [\"STAFF\"]}");
		assertThat(browser.get("/reports").statusCode()).as("a manager no more").isEqualTo(403);
		assertThat(browser.get("/incidents").statusCode()).as("still signed in").isEqualTo(200);

		admin().put("/api/v1/users/" + idOf(user) + "/roles", "{\"roles\": [\"MANAGER\"]}");
		assertThat(browser.get("/reports").statusCode()).isEqualTo(200);
	}

	@Test
	void aPasswordChangedInOneSessionEndsTheOthersAndKeepsThisOne() {
		String user = Users.create(this.port, "STAFF");
		Browser here = signedIn(user);
		Browser elsewhere = signedIn(user);

		assertThat(location(changePassword(here, Users.PASSWORD, "a-new-Pa55word-123"))).endsWith("/profile");

		assertThat(here.get("/incidents").statusCode()).as("this session goes on").isEqualTo(200);
		assertThat(location(elsewhere.get("/incidents"))).endsWith("/login?expired");
		assertThat(location(new Browser(this.port).signIn(user, "a-new-Pa55word-123"))).doesNotContain("/login?");
	}

	@Test
	void apiTokensExpireAndDieWithAnyChangeOfWhoMayUseTheAccount() {
		String user = Users.create(this.port, "HELPDESK");
		HttpResponse<String> created = ApiClient.basic(this.port, user, Users.PASSWORD)
			.post("/api/v1/tokens", "{\"name\": \"script\"}");
		java.time.Instant expires = java.time.Instant
			.parse(created.body().replaceAll(".*\"expiresAt\":\"([^\"]+)\".*", "$1"));
		assertThat(expires).as("90 days by default, shown at creation")
			.isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(89)),
					java.time.Instant.now().plus(java.time.Duration.ofDays(91)));
		ApiClient bearer = ApiClient.bearer(this.port, tokenOf(created));
		assertThat(bearer.post("/api/v1/tokens", "{\"name\": \"child\"}").statusCode()).as("a token cannot make tokens")
			.isEqualTo(403);

		Map<String, Runnable> changes = new java.util.LinkedHashMap<>();
		changes.put("own password changed", () -> changePassword(signedIn(user), Users.PASSWORD, "a-new-Pa55word-123"));
		changes.put("password reset", () -> {
			Browser administrator = signedIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
			administrator.get("/admin/users/" + idOf(user));
			administrator.post("/admin/users/" + idOf(user) + "/reset-password", Map.of());
		});
		changes.put("roles changed",
				() -> admin().put("/api/v1/users/" + idOf(user) + "/roles", "{\"roles\": [\"STAFF\"]}"));
		changes.put("account disabled", () -> admin().post("/api/v1/users/" + idOf(user) + "/disable", ""));
		for (Map.Entry<String, Runnable> change : changes.entrySet()) {
			String token = newTokenFor(user);
			assertThat(ApiClient.bearer(this.port, token).get("/api/v1/tokens").statusCode()).isEqualTo(200);
			change.getValue().run();
			assertThat(ApiClient.bearer(this.port, token).get("/api/v1/tokens").statusCode()).as(change.getKey())
				.isEqualTo(401);
		}
	}

	/** A fresh token for the user, made directly (their password may have changed). */
	String newTokenFor(String user) {
		String token = "sdk_" + java.util.UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at)
				SELECT id, 'test', ?, now(), now() + interval '1 day' FROM app_user WHERE username = ?""")
			.params(java.util.HexFormat.of().formatHex(sha256(token)), user)
			.update();
		return token;
	}

	static byte[] sha256(String text) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String tokenOf(HttpResponse<String> created) {
		return created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	HttpResponse<String> changePassword(Browser browser, String current, String next) {
		browser.get("/profile");
		return browser.post("/profile/password",
				Map.of("currentPassword", current, "newPassword", next, "confirmation", next));
	}

	Browser signedIn(String user) {
		return signedIn(user, Users.PASSWORD);
	}

	Browser signedIn(String user, String password) {
		Browser browser = new Browser(this.port);
		assertThat(location(browser.signIn(user, password))).doesNotContain("/login?");
		return browser;
	}

	ApiClient admin() {
		return ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
	}

	long idOf(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	HttpResponse<String> withSessionCookie(String path, String session) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Cookie", "JSESSIONID=" + session)
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
