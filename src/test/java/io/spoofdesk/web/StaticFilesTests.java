package io.spoofdesk.web;

import java.net.http.HttpResponse;
import java.util.List;

import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files are answered cheaply (issue 18: a favicon ran at a fifth of Petclinic's
 * speed): no session, account or throttle filter, one place to look, kept in memory; they
 * keep the security headers, and WebJars (linked by exact version) may be kept a year.
 */
@ServerTest
class StaticFilesTests {

	@LocalServerPort
	int port;

	@Autowired
	FilterChainProxy security;

	@Autowired
	WebJarAssets assets;

	@Test
	void aStaticFileSkipsTheSessionAccountAndThrottleFilters() {
		for (String path : List.of("/favicon.svg", "/css/app.css", "/js/app.js", this.assets.getBootstrapCss())) {
			List<String> filters = this.security.getFilters(path)
				.stream()
				.map(Filter::getClass)
				.map(Class::getSimpleName)
				.toList();
			assertThat(filters).as(path)
				.doesNotContain("SessionAccountFilter", "ThrottleFilter", "SessionManagementFilter",
						"UsernamePasswordAuthenticationFilter", "LogoutFilter")
				.contains("HeaderWriterFilter");
		}
		assertThat(this.security.getFilters("/incidents").stream().map(filter -> filter.getClass().getSimpleName()))
			.as("pages still check the account")
			.contains("SessionAccountFilter");
	}

	@Test
	void ownFilesAreRevalidatedAndWebJarsKeptAYearBothWithTheSecurityHeaders() {
		Browser browser = new Browser(this.port);
		browser.signIn(Users.create(this.port, "STAFF"), Users.PASSWORD);

		HttpResponse<String> css = browser.get("/css/app.css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
		assertThat(css.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(css.headers().firstValue("Last-Modified")).isPresent();
		assertThat(css.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(css.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(css.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(css.body()).contains(".text-prewrap");

		HttpResponse<String> bootstrap = browser.get(this.assets.getBootstrapCss());
		assertThat(bootstrap.statusCode()).isEqualTo(200);
		assertThat(bootstrap.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000", "immutable"));
		assertThat(bootstrap.body()).as("served whole, twice")
			.isEqualTo(browser.get(this.assets.getBootstrapCss()).body());

		assertThat(browser.get("/css/no-such-file.css").statusCode()).isEqualTo(404);
		assertThat(browser.get("/static/css/app.css").statusCode()).as("one place only").isEqualTo(404);
	}

	@Test
	void aFileCarriesTheSameSecurityHeadersAsAPageWhetherItExistsOrNot() {
		Browser stranger = new Browser(this.port);
		HttpResponse<String> page = stranger.get("/login");
		HttpResponse<String> file = stranger.get("/favicon.svg");
		HttpResponse<String> missing = stranger.get("/css/no-such-file.css");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(missing.statusCode()).as("public, not a sign-in redirect").isEqualTo(404);
		for (String header : List.of("X-Content-Type-Options", "X-XSS-Protection", "X-Frame-Options",
				"Content-Security-Policy", "Referrer-Policy")) {
			assertThat(page.headers().firstValue(header)).as(header).isPresent();
			assertThat(file.headers().firstValue(header)).as(header).isEqualTo(page.headers().firstValue(header));
			assertThat(missing.headers().firstValue(header)).as(header).isEqualTo(page.headers().firstValue(header));
		}
		assertThat(file.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(missing.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void theSwaggerUiStillHasItsFiles() {
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		assertThat(admin.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
		assertThat(admin.get("/swagger-ui/swagger-ui.css").statusCode()).isEqualTo(200);
	}

}
