package io.spoofdesk.web;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.OurCompany;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page shows each role its next step, with the numbers behind it. */
@ServerTest
class HomePageTests {

	private static final Pattern NUMBER = Pattern.compile("(\\d+) 件");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachRoleSeesItsNextStep() {
		OurCompany.isKitamura(this.port);
		String helpdeskName = Users.create(this.port, "HELPDESK");
		ApiClient helpdesk = ApiClient.basic(this.port, helpdeskName, Users.PASSWORD);
		HttpResponse<String> created = helpdesk.post("/api/v1/incidents", """
				{"title": "ホーム画面の確認", "channel": "PHONE", "severity": "HIGH",
				 "impersonatedAddresses": ["info@kitamura-seiki.co.jp"]}""");
		assertThat(created.statusCode()).isEqualTo(201);
		long incident = Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+).*", "$1").split("\\D")[0]);
		String batch = helpdesk.post("/api/v1/incidents/" + incident + "/warnings",
				"{\"language\": \"ja\", \"fromAddress\": \"soumu@kitamura-seiki.co.jp\", \"addressList\": \"kato@home-check.example.jp\"}")
			.body()
			.replaceAll("^\\{\"id\":(\\d+).*", "$1");
		assertThat(helpdesk.post("/api/v1/incidents/" + incident + "/warnings/" + batch + "/submit", "{}").statusCode())
			.isEqualTo(200);

		String helpdeskHome = page(helpdeskName);
		assertThat(helpdeskHome).contains("id=\"home-new-report\" href=\"/incidents/new\"", "相談を受け付ける")
			.doesNotContain("id=\"home-approvals\"", "id=\"home-overdue\"");

		String staffHome = page(Users.create(this.port, "STAFF"));
		assertThat(staffHome).doesNotContain("id=\"home-new-report\"");
		assertThat(number(staffHome, "home-tasks")).isZero();
		long untakenForStaff = this.jdbc
			.sql("SELECT count(*) FROM checklist_step WHERE assignee IS NULL AND default_role = 'STAFF' "
					+ "AND status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NOT dormant")
			.query(Long.class)
			.single();
		assertThat(number(staffHome, "home-untaken")).isEqualTo(untakenForStaff).isPositive();

		String managerHome = page(Users.create(this.port, "MANAGER"));
		long waiting = this.jdbc.sql("SELECT count(*) FROM warning_batch WHERE status = 'SUBMITTED'")
			.query(Long.class)
			.single();
		assertThat(managerHome).contains("id=\"home-approvals\"", "id=\"home-overdue\"");
		assertThat(number(managerHome, "home-approvals")).isEqualTo(waiting).isPositive();

		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		assertThat(admin.get("/").body()).as("an admin alone works on no case").doesNotContain("次にすること");
	}

	private String page(String username) {
		Browser browser = new Browser(this.port);
		browser.signIn(username, Users.PASSWORD);
		return browser.get("/").body();
	}

	private static long number(String page, String id) {
		Matcher element = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
		assertThat(element.find()).as(id).isTrue();
		Matcher number = NUMBER.matcher(element.group(1));
		assertThat(number.find()).as(element.group(1)).isTrue();
		return Long.parseLong(number.group(1));
	}

}
