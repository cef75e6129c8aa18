package io.spoofdesk.identity;

import java.util.List;
import java.util.stream.Stream;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role reaches exactly its pages and API calls (DESIGN.md's role table). Every row
 * is one role; every column one page or call; 200 means allowed, 403 refused.
 */
@ServerTest
class RoleAccessTests {

	static final List<String> PAGES = List.of("/", "/profile", "/partners", "/partners/new", "/incidents",
			"/incidents/new", "/incidents/export.csv", "/admin/users", "/admin/users/new", "/admin/settings",
			"/admin/audit", "/mails/new", "/iocs/export.csv?from=2026-01-01&to=2026-12-31", "/tasks", "/tasks/overdue",
			"/admin/playbooks", "/admin/playbooks/new", "/notifications", "/admin/templates", "/dashboard", "/reports",
			"/reports/period.csv?period=2026-11");

	static final List<String> API_CALLS = List.of("/api/v1/tokens", "/api/v1/partners", "/api/v1/incidents",
			"/api/v1/users", "/api/v1/settings/identity", "/api/v1/tasks", "/api/v1/playbooks",
			"/api/v1/mail-templates");

	@LocalServerPort
	int port;

	static Stream<Arguments> roles() {
		return Stream.of(
				// pages: / /profile /partners /partners/new /incidents /incidents/new
				// /incidents/export.csv
				// /admin/users /admin/users/new /admin/settings /admin/audit /mails/new
				// /iocs/export.csv /tasks /tasks/overdue /admin/playbooks
				// /admin/playbooks/new
				// /notifications /admin/templates /dashboard /reports /reports/period.csv
				// API: /api/v1/tokens /api/v1/partners /api/v1/incidents /api/v1/users
				// /api/v1/settings/identity /api/v1/tasks /api/v1/playbooks
				// /api/v1/mail-templates
				Arguments.of(List.of("HELPDESK"),
						List.of(200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 200, 403, 200, 403, 403, 403,
								200, 403, 403, 403, 403),
						List.of(200, 200, 200, 403, 403, 200, 200, 200)),
				Arguments.of(List.of("STAFF"),
						List.of(200, 200, 200, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403,
								200, 403, 403, 403, 403),
						List.of(200, 200, 200, 403, 403, 200, 200, 200)),
				Arguments.of(List.of("MANAGER"),
						List.of(200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403,
								200, 403, 200, 200, 200),
						List.of(200, 200, 200, 403, 403, 200, 200, 200)),
				Arguments.of(List.of("ADMIN"),
						List.of(200, 200, 200, 403, 200, 403, 200, 200, 200, 200, 200, 403, 200, 200, 200, 200, 200,
								200, 200, 200, 200, 200),
						List.of(200, 200, 200, 200, 200, 200, 200, 200)),
				Arguments.of(
						List.of("HELPDESK", "MANAGER"), List.of(200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403,
								200, 200, 200, 200, 403, 403, 200, 403, 200, 200, 200),
						List.of(200, 200, 200, 403, 403, 200, 200, 200)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("roles")
	void eachRoleReachesExactlyItsPages(List<String> roles, List<Integer> pageStatuses, List<Integer> apiStatuses) {
		String username = Users.create(this.port, roles.toArray(String[]::new));
		Browser browser = new Browser(this.port);
		browser.signIn(username, Users.PASSWORD);

		List<Integer> pages = PAGES.stream().map(page -> browser.get(page).statusCode()).toList();
		ApiClient api = ApiClient.basic(this.port, username, Users.PASSWORD);
		List<Integer> calls = API_CALLS.stream().map(call -> api.get(call).statusCode()).toList();

		assertThat(pages).as("pages " + PAGES).isEqualTo(pageStatuses);
		assertThat(calls).as("API " + API_CALLS).isEqualTo(apiStatuses);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("roles")
	void navigationShowsAdminPagesOnlyToAdmins(List<String> roles) {
		String username = Users.create(this.port, roles.toArray(String[]::new));
		Browser browser = new Browser(this.port);
		browser.signIn(username, Users.PASSWORD);

		String home = browser.get("/").body();

		assertThat(home.contains("href=\"/admin/users\"")).isEqualTo(roles.contains("ADMIN"));
	}

	@ParameterizedTest
	@MethodSource("anonymousPaths")
	void anonymousCallersReachNothingButLoginAndHealth(String path, int status) {
		assertThat(new Browser(this.port).get(path).statusCode()).as(path).isEqualTo(status);
	}

	static Stream<Arguments> anonymousPaths() {
		return Stream.of(Arguments.of("/", 302), Arguments.of("/admin/users", 302), Arguments.of("/profile", 302),
				Arguments.of("/partners", 302), Arguments.of("/incidents", 302), Arguments.of("/login", 200),
				Arguments.of("/actuator/health", 200), Arguments.of("/actuator/info", 200),
				Arguments.of("/api/v1/users", 401), Arguments.of("/api/v1/tokens", 401),
				Arguments.of("/api/v1/partners", 401), Arguments.of("/api/v1/incidents", 401));
	}

}
