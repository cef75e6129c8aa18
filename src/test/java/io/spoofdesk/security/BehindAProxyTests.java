package io.spoofdesk.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating reverse proxy, as the README configures it
 * ({@code SERVER_FORWARD_HEADERS_STRATEGY=native}): the session cookie is {@code Secure}
 * when the proxy says the client used HTTPS, and not otherwise.
 */
@ServerTest
class BehindAProxyTests {

	@DynamicPropertySource
	static void behindAProxy(DynamicPropertyRegistry registry) {
		registry.add("server.forward-headers-strategy", () -> "native");
	}

	@LocalServerPort
	int port;

	private String sessionCookie(String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login"));
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("JSESSIONID=") || cookie.startsWith("SESSION="))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theSessionCookieIsSecureWhenTheProxySaysHttps() throws Exception {
		assertThat(sessionCookie("https")).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
		assertThat(sessionCookie(null)).doesNotContainIgnoringCase("Secure");
	}

}
