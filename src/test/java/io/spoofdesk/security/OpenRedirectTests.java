package io.spoofdesk.security;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No way to make SpoofDesk send a browser elsewhere: every redirect the sign-in, the
 * sign-out, the language switch and the notifications answer stays on SpoofDesk (same
 * host, a path of its own; a hostile URL may only come back inside the query of the page
 * first asked for), whatever target, Referer or parameter the request carries.
 */
@ServerTest
class OpenRedirectTests {

	static final String EVIL = "https://evil.example.net/phish";

	@LocalServerPort
	int port;

	@Test
	void everyRedirectStaysOnSpoofDesk() {
		String user = Users.create(this.port, "STAFF");
		List<String> locations = new ArrayList<>();
		Browser browser = new Browser(this.port);
		for (String path : List.of("/incidents?redirect=" + EVIL, "/login?continue=" + EVIL,
				"/login?redirect_uri=" + EVIL + "&next=" + EVIL, "//evil.example.net/", "/%5Cevil.example.net/")) {
			locations.add(location(browser.send(browser.request(path).header("Referer", EVIL).GET().build())));
		}
		browser.get("/login?continue=" + EVIL);
		locations.add(location(browser.post("/login?continue=" + EVIL,
				Map.of("username", user, "password", Users.PASSWORD, "continue", EVIL, "redirect", EVIL))));
		locations.add(location(
				browser.send(browser.request("/?lang=en&redirect=" + EVIL).header("Referer", EVIL).GET().build())));
		browser.get("/");
		locations.add(location(browser.post("/notifications/read", Map.of("redirect", EVIL))));
		locations.add(location(browser.post("/logout", Map.of("redirect", EVIL))));

		assertThat(locations).isNotEmpty().allSatisfy((location) -> {
			if (location != null) {
				URI uri = URI.create(location.replace("\\", "%5C"));
				assertThat(uri.getHost() == null || uri.getHost().equals("localhost")).as(location).isTrue();
				assertThat(location).doesNotStartWith("//");
				assertThat(uri.getRawPath()).as(location).doesNotStartWith("//").doesNotContain("evil.example.net");
			}
		});
		assertThat(locations).as("the sign-in went somewhere")
			.anySatisfy((location) -> assertThat(location).isNotNull());
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse(null);
	}

}
