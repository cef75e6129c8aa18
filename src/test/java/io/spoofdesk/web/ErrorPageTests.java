package io.spoofdesk.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors answer with the right status and a friendly page (or problem+json), never a
 * stack trace.
 */
@ServerTest
class ErrorPageTests {

	@LocalServerPort
	int port;

	Browser signedIn(String... roles) {
		Browser browser = new Browser(this.port);
		browser.signIn(Users.create(this.port, roles), Users.PASSWORD);
		return browser;
	}

	@Test
	void unknownPageShowsAFriendly404() {
		HttpResponse<String> response = signedIn("STAFF").get("/no/such/page");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(response.body()).contains("ページが見つかりません", "ホームに戻る").doesNotContain("Exception", "at org.");
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFoundNotAServerError() {
		// nothing failed: the page of an error that did not happen does not exist
		assertThat(new Browser(this.port).get("/error").statusCode()).isEqualTo(404);
		assertThat(ApiClient.basic(this.port, Users.create(this.port, "STAFF"), Users.PASSWORD)
			.get("/error/problem")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void forbiddenPageShowsAFriendly403() {
		HttpResponse<String> response = signedIn("HELPDESK").get("/admin/users");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("アクセスできません");
	}

	@Test
	void unknownApiPathIsProblemJson() {
		Users.create(this.port, "STAFF");
		HttpResponse<String> response = ApiClient.basic(this.port, "admin", "first-admin-Pa55word")
			.get("/api/v1/no-such-thing");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":404").doesNotContain("Exception");
	}

	@Test
	void forbiddenApiCallIsProblemJson() {
		String username = Users.create(this.port, "STAFF");
		HttpResponse<String> response = ApiClient.basic(this.port, username, Users.PASSWORD).get("/api/v1/users");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void malformedJsonIsA400ProblemWithoutInternals() {
		HttpResponse<String> response = ApiClient.basic(this.port, "admin", "first-admin-Pa55word")
			.post("/api/v1/tokens", "{not json");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"status\":400").doesNotContain("JsonParse", "tools.jackson");
	}

	@Test
	void tooLargeUploadShowsAFriendly413() {
		Browser browser = signedIn("STAFF");
		HttpResponse<String> profile = browser.get("/profile");
		String csrf = profile.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		String boundary = "----spoofdesk";
		byte[] big = new byte[26 * 1024 * 1024];
		// As a browser sends it: the CSRF token is a field of the multipart body itself.
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.eml\"\r\n"
				+ "Content-Type: message/rfc822\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		HttpRequest request = browser.request("/profile/tokens")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
					HttpRequest.BodyPublishers.ofByteArray(big), HttpRequest.BodyPublishers.ofString(tail)))
			.build();

		HttpResponse<String> response = browser.send(request);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("ファイルが大きすぎます");
	}

	@Test
	void webJarsAreServedByTheAppItself() {
		Browser browser = new Browser(this.port);
		String login = browser.get("/login").body();
		List<String> assets = Pattern.compile("(?:href|src)=\"(/webjars/[^\"]+)\"")
			.matcher(login)
			.results()
			.map(match -> match.group(1))
			.toList();

		assertThat(assets).hasSize(3);
		assertThat(assets).allSatisfy(path -> assertThat(browser.get(path).statusCode()).as(path).isEqualTo(200));
		assertThat(login).doesNotContain("cdn.", "https://");
	}

}
