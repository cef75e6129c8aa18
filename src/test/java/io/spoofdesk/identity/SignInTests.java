package io.spoofdesk.identity;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServerTest
class SignInTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymousVisitorIsSentToOurLoginPage() {
		Browser browser = new Browser(this.port);
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login"));

		HttpResponse<String> login = browser.get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("ログイン", "name=\"username\"", "name=\"_csrf\"")
			.as("the menus, the bell and the sign-out are for people signed in")
			.doesNotContain("action=\"/logout\"", "/notifications/bell", "href=\"/incidents\"");
	}

	@Test
	void redirectsNameNoHostButOurs() throws Exception {
		// a forged Host header (a proxy or cache in between may pass one on) must not
		// send the next request elsewhere: the redirects are relative
		assertThat(locationWithHost("GET /incidents", "attacker.example")).isEqualTo("/login");
	}

	/** The Location of the answer to a request with this Host header, or null. */
	private String locationWithHost(String requestLine, String host) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write((requestLine + " HTTP/1.1\r\nHost: " + host
						+ "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return answer.lines()
				.takeWhile(line -> !line.isEmpty())
				.filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
				.map(line -> line.substring(9).strip())
				.findFirst()
				.orElse(null);
		}
	}

	@Test
	void firstAdminSignsInAndGetsANewSessionId() {
		Browser browser = new Browser(this.port);
		browser.get("/login");
		String sessionBefore = browser.cookie("JSESSIONID");

		HttpResponse<String> response = browser.post("/login",
				Map.of("username", ServerTest.ADMIN, "password", ServerTest.ADMIN_PASSWORD));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(sessionBefore);
		assertThat(browser.get("/").body()).contains("Administrator", "action=\"/logout\"", "/notifications/bell",
				"href=\"/incidents\"");
	}

	@Test
	void wrongPasswordIsRefusedWithAMessageAndAudited() {
		String username = Users.create(this.port, "STAFF");
		Browser browser = new Browser(this.port);

		HttpResponse<String> response = browser.signIn(username, "not-the-password");

		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(browser.get("/login?error").body()).contains("ユーザー名またはパスワードが正しくありません");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'LOGIN_FAILURE'")
			.param(username)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void successfulSignInIsAudited() {
		String username = Users.create(this.port, "STAFF");
		new Browser(this.port).signIn(username, Users.PASSWORD);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'LOGIN_SUCCESS'")
			.param(username)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void loginPostWithoutCsrfTokenIsRejected() {
		Browser browser = new Browser(this.port);
		browser.get("/login");
		HttpResponse<String> response = browser.postWithoutToken("/login",
				Map.of("username", ServerTest.ADMIN, "password", ServerTest.ADMIN_PASSWORD));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(browser.get("/").statusCode()).as("not signed in").isEqualTo(302);
	}

	@Test
	void formPostWithoutCsrfTokenIsRejectedForSignedInUsers() {
		Browser browser = new Browser(this.port);
		browser.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		HttpResponse<String> response = browser.postWithoutToken("/profile/tokens", Map.of("name", "sneaky"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("アクセスできません");
	}

	@Test
	void disabledUserCannotSignIn() {
		String username = Users.create(this.port, "HELPDESK");
		ApiClient admin = ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		long id = this.jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single();
		assertThat(admin.post("/api/v1/users/" + id + "/disable", "").statusCode()).isEqualTo(200);

		HttpResponse<String> response = new Browser(this.port).signIn(username, Users.PASSWORD);

		assertThat(response.headers().firstValue("Location").orElseThrow()).as("the same answer as a wrong password")
			.endsWith("/login?error");
	}

	@Test
	void pagesCarryStrictSecurityHeaders() {
		HttpResponse<String> login = new Browser(this.port).get("/login");
		assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors 'none'", "script-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void signOutEndsTheSession() {
		Browser browser = new Browser(this.port);
		browser.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		browser.get("/");
		HttpResponse<String> logout = browser.post("/logout", Map.of());
		assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

}
