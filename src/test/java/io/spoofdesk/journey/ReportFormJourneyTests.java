package io.spoofdesk.journey;

import java.net.http.HttpResponse;
import java.util.List;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the report form in a real browser, choosing the partner who called narrows the
 * contact list to that partner's people.
 */
@ServerTest
class ReportFormJourneyTests {

	@LocalServerPort
	int port;

	@Test
	void theContactListOffersOnlyTheChosenPartnersPeople() {
		String helpdesk = Users.create(this.port, "HELPDESK");
		ApiClient api = ApiClient.basic(this.port, helpdesk, Users.PASSWORD);
		String marker = Long.toString(System.nanoTime());
		long aoba = partner(api, "青葉 " + marker, "aoba-" + marker + ".example.jp", "佐藤 " + marker);
		partner(api, "緑川 " + marker, "midori-" + marker + ".example.jp", "田中 " + marker);

		try (RealBrowser browser = RealBrowser.open(this.port, "ja")) {
			browser.signIn(helpdesk, Users.PASSWORD).go("/incidents/new");
			assertThat(offered(browser)).as("no partner chosen: everyone")
				.contains("佐藤 " + marker + " <contact@aoba-" + marker + ".example.jp>",
						"田中 " + marker + " <contact@midori-" + marker + ".example.jp>");

			new Select(browser.find(By.id("partnerId"))).selectByValue(Long.toString(aoba));

			assertThat(offered(browser)).contains("佐藤 " + marker + " <contact@aoba-" + marker + ".example.jp>")
				.noneMatch(name -> name.startsWith("田中 " + marker));
			browser.screenshot("report-form-ja-contacts-of-partner");
		}
	}

	private static List<String> offered(RealBrowser browser) {
		return browser.find(By.id("contactId"))
			.findElements(By.cssSelector("option"))
			.stream()
			.filter(WebElement::isEnabled)
			.filter(option -> !option.getAttribute("value").isEmpty())
			.map(option -> option.getAttribute("textContent").strip())
			.toList();
	}

	private static long partner(ApiClient api, String name, String domain, String contact) {
		HttpResponse<String> created = api.post("/api/v1/partners", """
				{"name": "%s", "domains": ["%s"], "contacts": [{"name": "%s", "email": "contact@%s"}]}"""
			.formatted(name, domain, contact, domain));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

}
