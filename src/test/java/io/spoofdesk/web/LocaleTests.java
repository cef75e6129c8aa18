package io.spoofdesk.web;

import java.net.http.HttpResponse;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Japanese first, English second: the browser decides until the user picks with the
 * switcher.
 */
@ServerTest
class LocaleTests {

	@LocalServerPort
	int port;

	@Test
	void japaneseBrowserGetsJapanese() {
		assertThat(new Browser(this.port).acceptLanguage("ja-JP,ja;q=0.9").get("/login").body()).contains("ログイン",
				"lang=\"ja\"");
	}

	@Test
	void englishBrowserGetsEnglish() {
		assertThat(new Browser(this.port).acceptLanguage("en-US,en;q=0.8").get("/login").body()).contains("Sign in",
				"lang=\"en\"");
	}

	@Test
	void otherLanguagesFallBackToJapanese() {
		assertThat(new Browser(this.port).acceptLanguage("fr-FR").get("/login").body()).contains("ログイン");
	}

	@Test
	void switcherChoiceIsRememberedOverTheBrowserPreference() {
		Browser browser = new Browser(this.port).acceptLanguage("ja");
		assertThat(browser.get("/login?lang=en").body()).contains("Sign in");

		HttpResponse<String> later = browser.get("/login");

		assertThat(later.body()).contains("Sign in").doesNotContain("ログイン</h1>");
		assertThat(browser.get("/login?lang=ja").body()).contains("ログイン");
	}

	@Test
	void theSwitcherKeepsThePagesFiltersAndSearch() {
		Browser browser = new Browser(this.port);
		browser.signIn(io.spoofdesk.support.Users.create(this.port, "HELPDESK"), io.spoofdesk.support.Users.PASSWORD);

		String page = browser.get("/incidents?q=%E8%AB%8B%E6%B1%82&status=NEW&lang=ja").body();

		assertThat(page).contains("href=\"/incidents?q=%E8%AB%8B%E6%B1%82&amp;status=NEW&amp;lang=en\"",
				"href=\"/incidents?q=%E8%AB%8B%E6%B1%82&amp;status=NEW&amp;lang=ja\"");
		assertThat(browser.get("/login").body()).as("no query: only the language").contains("href=\"/login?lang=en\"");
	}

	@Test
	void unsupportedSwitcherValueIsIgnored() {
		Browser browser = new Browser(this.port).acceptLanguage("en");
		assertThat(browser.get("/login?lang=de").body()).contains("Sign in");
	}

	@Test
	void apiProblemsAreInTheCallersLanguage() {
		HttpResponse<String> english = ApiClient.anonymous(this.port)
			.send(ApiClient.anonymous(this.port).request("/api/v1/users").header("Accept-Language", "en"));
		assertThat(english.body()).contains("Sign-in required");
		HttpResponse<String> japanese = ApiClient.anonymous(this.port)
			.send(ApiClient.anonymous(this.port).request("/api/v1/users").header("Accept-Language", "ja"));
		assertThat(japanese.body()).contains("ログインが必要です");
	}

}
