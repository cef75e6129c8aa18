package io.spoofdesk.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.spoofdesk.identity.Permission;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the application maps, with who may pass its door (DESIGN.md's role table),
 * in one table. The test fails when a route is mapped that the table does not list (add
 * it, with its rule) or the table lists one that is gone; then it calls every route as
 * every role the door must refuse - a signed-in role gets 403, an anonymous caller the
 * sign-in page (pages) or 401 (API), a disabled user 401 (API) - and every GET route as
 * every role it must let in, which must not be refused.
 * <p>
 * The door is a {@link Permission} (DESIGN.md's role table, checked line by line in
 * PermissionTests), {@code any} for every signed-in role or {@code public} for no
 * sign-in. Roles below: H helpdesk, S staff, M manager, A admin. A {@code *} marks routes
 * whose finer rule (say, only a manager closes) is decided by the service behind the door
 * and tested with the feature (ChecklistTests, WarningMailTests, IncidentApiTests).
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessMatrixTests {

	static final String TABLE = """
			GET    /                                                             any
			GET    /login                                                        public
			GET    /error                                                        public
			GET    /error/problem                                                public
			GET    /profile                                                      any
			POST   /profile/password                                             any
			POST   /profile/tokens                                               any
			POST   /profile/tokens/{id}/revoke                                   any
			GET    /admin/users                                                  ADMINISTER
			GET    /admin/users/new                                              ADMINISTER
			POST   /admin/users                                                  ADMINISTER
			GET    /admin/users/{id}                                             ADMINISTER
			POST   /admin/users/{id}                                             ADMINISTER
			POST   /admin/users/{id}/disable                                     ADMINISTER
			POST   /admin/users/{id}/enable                                      ADMINISTER
			POST   /admin/users/{id}/reset-password                              ADMINISTER
			GET    /admin/audit                                                  ADMINISTER
			GET    /admin/settings                                               ADMINISTER
			POST   /admin/settings                                               ADMINISTER
			GET    /admin/playbooks                                              ADMINISTER
			GET    /admin/playbooks/new                                          ADMINISTER
			GET    /admin/playbooks/{id}                                         ADMINISTER
			POST   /admin/playbooks                                              ADMINISTER
			POST   /admin/playbooks/{id}                                         ADMINISTER
			POST   /admin/playbooks/{id}/default                                 ADMINISTER
			GET    /admin/mailbox                                                ADMINISTER
			POST   /admin/mailbox                                                ADMINISTER
			POST   /admin/mailbox/check                                          ADMINISTER
			GET    /admin/templates                                              ADMINISTER
			GET    /admin/templates/{id}                                         ADMINISTER
			POST   /admin/templates/{id}                                         ADMINISTER
			POST   /admin/templates/preview                                      ADMINISTER
			GET    /tasks                                                        any
			GET    /tasks/overdue                                                SEE_REPORTS
			GET    /dashboard                                                    SEE_REPORTS
			GET    /warnings                                                     SEE_REPORTS
			GET    /reports                                                      SEE_REPORTS
			GET    /reports/period.pdf                                           SEE_REPORTS
			GET    /reports/period.csv                                           SEE_REPORTS
			GET    /notifications                                                any
			GET    /notifications/bell                                           any
			POST   /notifications/{id}/open                                      any
			POST   /notifications/read                                           any
			GET    /partners                                                     any
			GET    /partners/new                                                 EDIT_CASES
			POST   /partners                                                     EDIT_CASES
			GET    /partners/{id}                                                any
			GET    /partners/{id}/edit                                           EDIT_CASES
			POST   /partners/{id}                                                EDIT_CASES
			POST   /partners/{id}/merge                                          EDIT_CASES
			GET    /partners/import                                              EDIT_CASES
			POST   /partners/import/preview                                      EDIT_CASES
			POST   /partners/import                                              EDIT_CASES
			GET    /partners/export.csv                                          SEE_REPORTS
			GET    /incidents                                                    any
			GET    /incidents/new                                                EDIT_CASES
			POST   /incidents                                                    EDIT_CASES
			GET    /incidents/export.csv                                         SEE_REPORTS
			GET    /incidents/{id}                                               any
			GET    /incidents/{id}/edit                                          EDIT_CASES
			POST   /incidents/{id}                                               EDIT_CASES
			POST   /incidents/{id}/status                                        MOVE_CASES *
			POST   /incidents/{id}/assign                                        MOVE_CASES
			POST   /incidents/{id}/notes                                         ADD_NOTES
			POST   /incidents/{id}/links                                         EDIT_CASES
			GET    /incidents/{id}/report                                        SEE_REPORTS
			GET    /incidents/{id}/report.pdf                                    SEE_REPORTS
			POST   /incidents/{id}/mails                                         EDIT_CASES
			GET    /incidents/{id}/mails/{mailId}                                any
			GET    /incidents/{id}/mails/{mailId}/raw                            DOWNLOAD_ORIGINALS
			GET    /mails/new                                                    EDIT_CASES
			POST   /mails/new                                                    EDIT_CASES
			GET    /iocs                                                         any
			GET    /iocs/export.csv                                              SEE_REPORTS
			GET    /iocs/export.stix.json                                        SEE_REPORTS
			GET    /incidents/{id}/iocs.csv                                      SEE_REPORTS
			GET    /incidents/{id}/iocs.stix.json                                SEE_REPORTS
			GET    /incidents/{id}/checklist/steps/{stepId}                      any
			POST   /incidents/{id}/checklist/steps/{stepId}/status               any *
			POST   /incidents/{id}/checklist/steps/{stepId}/assignee             any *
			POST   /incidents/{id}/checklist/steps/{stepId}/due                  any *
			POST   /incidents/{id}/checklist/steps/{stepId}/leak-recognised      any *
			POST   /incidents/{id}/checklist/steps/{stepId}/evidence             any *
			GET    /incidents/{id}/checklist/steps/{stepId}/evidence/{evidenceId} DOWNLOAD_ORIGINALS
			POST   /incidents/{id}/checklist/steps/{stepId}/ledger               any *
			POST   /incidents/{id}/checklist/steps/{stepId}/ledger/{rowId}/confirm any *
			POST   /incidents/{id}/checklist/steps                               any *
			POST   /incidents/{id}/checklist/playbook                            any *
			POST   /incidents/{id}/warnings                                      any *
			GET    /incidents/{id}/correspondence/{entryId}/reply                DRAFT_WARNINGS
			GET    /incidents/{id}/correspondence/{entryId}/raw                  DOWNLOAD_ORIGINALS
			GET    /incidents/{id}/warnings/notice                               any
			GET    /incidents/{id}/warnings/{batchId}                            any
			POST   /incidents/{id}/warnings/{batchId}/{action:submit|withdraw|approve|return|queue} any *
			GET    /incidents/{id}/warnings/{batchId}/drafts/{draftId}           any
			POST   /incidents/{id}/warnings/{batchId}/drafts/{draftId}           any *
			POST   /incidents/{id}/warnings/{batchId}/drafts/{draftId}/{action:cancel|mark-sent|register-partner} any *
			GET    /incidents/{id}/warnings/{batchId}/drafts/{draftId}.eml       any *
			GET    /incidents/{id}/warnings/{batchId}/drafts.zip                 any *
			GET    /api/v1/tokens                                                any
			POST   /api/v1/tokens                                                any
			DELETE /api/v1/tokens/{id}                                           any
			GET    /api/v1/users                                                 ADMINISTER
			GET    /api/v1/users/{id}                                            ADMINISTER
			POST   /api/v1/users                                                 ADMINISTER
			PUT    /api/v1/users/{id}/roles                                      ADMINISTER
			POST   /api/v1/users/{id}/disable                                    ADMINISTER
			POST   /api/v1/users/{id}/enable                                     ADMINISTER
			GET    /api/v1/settings/identity                                     ADMINISTER
			PUT    /api/v1/settings/identity                                     ADMINISTER
			GET    /api/v1/partners                                              any
			GET    /api/v1/partners/{id}                                         any
			POST   /api/v1/partners                                              EDIT_CASES
			PUT    /api/v1/partners/{id}                                         EDIT_CASES
			POST   /api/v1/partners/import                                       EDIT_CASES
			POST   /api/v1/partners/{id}/merge                                   EDIT_CASES
			GET    /api/v1/incidents                                             any
			GET    /api/v1/incidents/{id}                                        any
			POST   /api/v1/incidents                                             EDIT_CASES
			PUT    /api/v1/incidents/{id}                                        EDIT_CASES
			POST   /api/v1/incidents/{id}/status                                 MOVE_CASES *
			GET    /api/v1/incidents/{id}/notes                                  any
			POST   /api/v1/incidents/{id}/notes                                  ADD_NOTES
			GET    /api/v1/incidents/{id}/links                                  any
			GET    /api/v1/incidents/{id}/correspondence                         any
			POST   /api/v1/incidents/{id}/links                                  EDIT_CASES
			GET    /api/v1/dashboard                                             SEE_REPORTS
			POST   /api/v1/mail-analysis                                         any
			POST   /api/v1/incidents/{id}/mails                                  EDIT_CASES
			GET    /api/v1/incidents/{id}/mails                                  any
			GET    /api/v1/incidents/{id}/mails/{mailId}                         any
			GET    /api/v1/tasks                                                 any
			GET    /api/v1/playbooks                                             any
			GET    /api/v1/playbooks/{id}                                        any
			POST   /api/v1/playbooks                                             ADMINISTER
			PUT    /api/v1/playbooks/{id}                                        ADMINISTER
			POST   /api/v1/playbooks/{id}/default                                ADMINISTER
			GET    /api/v1/incidents/{id}/checklist                              any
			POST   /api/v1/incidents/{id}/checklist/playbook                     any *
			POST   /api/v1/incidents/{id}/checklist/steps                        any *
			GET    /api/v1/incidents/{id}/checklist/steps/{stepId}               any
			POST   /api/v1/incidents/{id}/checklist/steps/{stepId}/status        any *
			PUT    /api/v1/incidents/{id}/checklist/steps/{stepId}/assignee      any *
			PUT    /api/v1/incidents/{id}/checklist/steps/{stepId}/due           any *
			PUT    /api/v1/incidents/{id}/checklist/leak-recognised              any *
			POST   /api/v1/incidents/{id}/checklist/steps/{stepId}/evidence      any *
			POST   /api/v1/incidents/{id}/checklist/steps/{stepId}/ledger        any *
			POST   /api/v1/incidents/{id}/checklist/steps/{stepId}/ledger/{rowId}/confirm any *
			GET    /api/v1/mail-templates                                        any
			GET    /api/v1/mail-templates/{id}                                   any
			PUT    /api/v1/mail-templates/{id}                                   ADMINISTER
			POST   /api/v1/mail-templates/preview                                ADMINISTER
			GET    /api/v1/incidents/{id}/warnings                               any
			POST   /api/v1/incidents/{id}/warnings                               any *
			GET    /api/v1/incidents/{id}/warnings/notice                        any
			GET    /api/v1/incidents/{id}/warnings/{batchId}                     any
			POST   /api/v1/incidents/{id}/warnings/{batchId}/{action:submit|withdraw|approve|return|queue} any *
			PUT    /api/v1/incidents/{id}/warnings/drafts/{draftId}              any *
			POST   /api/v1/incidents/{id}/warnings/drafts/{draftId}/{action:cancel|mark-sent|register-partner} any *
			GET    /api/v1/incidents/{id}/warnings/drafts/{draftId}/eml          any *
			""";

	static final List<String> ROLES = List.of("H", "S", "M", "A");

	static final Map<String, String> ROLE_NAMES = Map.of("H", "HELPDESK", "S", "STAFF", "M", "MANAGER", "A", "ADMIN");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final Map<String, String> users = new LinkedHashMap<>();

	String disabled;

	@BeforeAll
	void users() {
		ROLES.forEach((role) -> this.users.put(role, Users.create(this.port, ROLE_NAMES.get(role))));
		this.disabled = Users.create(this.port, "HELPDESK", "STAFF", "MANAGER");
		ApiClient admin = ApiClient.basic(this.port, this.users.get("A"), Users.PASSWORD);
		HttpResponse<String> user = admin.get("/api/v1/users");
		String id = user.body().replaceAll("(?s).*\\{\"id\":(\\d+),\"username\":\"" + this.disabled + "\".*", "$1");
		assertThat(admin.post("/api/v1/users/" + id + "/disable", "").statusCode()).isEqualTo(200);
	}

	record Route(String method, String path, Set<String> door, boolean finerRuleInService) {

		boolean api() {
			return this.path.startsWith("/api/");
		}

		/**
		 * The path with every variable filled (ids that need not exist: the door comes
		 * first).
		 */
		String example() {
			String filled = this.path.replaceAll("\\{action:([a-z-]+)[^}]*}", "$1").replaceAll("\\{[A-Za-z]+}", "1");
			// the period reports require a period
			return filled + (this.path.startsWith("/reports/period") ? "?period=2026-11" : "");
		}

		String key() {
			return this.method + " " + this.path;
		}

	}

	static List<Route> table() {
		List<Route> routes = new ArrayList<>();
		for (String line : TABLE.strip().split("\n")) {
			String[] parts = line.trim().split("\\s+");
			Set<String> door = new TreeSet<>();
			boolean service = false;
			for (int i = 2; i < parts.length; i++) {
				switch (parts[i]) {
					case "any" -> door.addAll(ROLES);
					case "public" -> door.clear();
					case "*" -> service = true;
					default ->
						Permission.valueOf(parts[i]).roles().forEach(role -> door.add(role.name().substring(0, 1)));
				}
			}
			routes.add(new Route(parts[0], parts[1], door, service));
		}
		return routes;
	}

	@Test
	void everyMappedRouteIsInTheTableAndEveryListedRouteIsMapped() {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
					: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")) {
					continue; // springdoc's own routes, behind /admin-only URL rules
								// (RoleAccessTests)
				}
				methods.forEach((method) -> mapped.add(method + " " + pattern));
			}
		}
		Set<String> listed = table().stream().map(Route::key).collect(Collectors.toCollection(TreeSet::new));

		assertThat(difference(mapped, listed)).as("routes mapped but not in the table: add them with their rule")
			.isEmpty();
		assertThat(difference(listed, mapped)).as("routes in the table that are no longer mapped").isEmpty();
	}

	static Set<String> difference(Set<String> these, Set<String> those) {
		Set<String> result = new TreeSet<>(these);
		result.removeAll(those);
		return result;
	}

	@Test
	void everyDoorRefusesTheRolesItMustRefuse() {
		List<String> wrong = new ArrayList<>();
		for (Route route : table()) {
			if (route.door().isEmpty()) {
				continue; // public
			}
			for (String role : ROLES) {
				if (!route.door().contains(role)) {
					int status = call(route, this.users.get(role));
					if (status != 403 && status != 400 && status != 415) {
						wrong.add(route.key() + " as " + ROLE_NAMES.get(role) + ": " + status + " (expected 403)");
					}
				}
			}
			int anonymous = call(route, null);
			int expected = route.api() ? 401 : 302;
			if (anonymous != expected) {
				wrong.add(route.key() + " anonymous: " + anonymous + " (expected " + expected + ")");
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void anUploadFormPostedWithoutItsFileIsABadRequestNotAnError() {
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(this.users.get("H"), Users.PASSWORD);
		helpdesk.get("/partners/import");
		HttpResponse<String> response = helpdesk.post("/partners/import/preview", Map.of());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Exception", "at org.");
	}

	@Test
	void aDisabledUserIsNotLetIn() {
		// once: the throttle rightly answers 429 after a few refused attempts
		assertThat(ApiClient.basic(this.port, this.disabled, Users.PASSWORD).get("/api/v1/incidents").statusCode())
			.isEqualTo(401);
		Browser browser = new Browser(this.port);
		assertThat(browser.signIn(this.disabled, Users.PASSWORD).headers().firstValue("Location").orElseThrow())
			.as("the same answer as a wrong password")
			.endsWith("/login?error");
		assertThat(browser.get("/incidents").statusCode()).isEqualTo(302);
	}

	@Test
	void everyGetDoorLetsInTheRolesItMustLetIn() {
		List<String> wrong = new ArrayList<>();
		for (Route route : table()) {
			if (!"GET".equals(route.method()) || route.finerRuleInService()) {
				continue; // changes, and finer rules, are tested by the features with
							// real data
			}
			for (String role : route.door()) {
				int status = call(route, this.users.get(role));
				if (status == 401 || status == 403 || status == 302) {
					wrong.add(route.key() + " as " + ROLE_NAMES.get(role) + ": " + status);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyStateChangingPageNeedsTheCsrfToken() {
		List<String> wrong = new ArrayList<>();
		for (Route route : table()) {
			if (route.api() || "GET".equals(route.method()) || route.door().isEmpty()) {
				continue; // the API takes no cookies (stateless, Basic or token), so no
							// CSRF
			}
			Browser browser = signedIn(this.users.get(route.door().iterator().next()));
			int status = browser.postWithoutToken(route.example(), Map.of()).statusCode();
			if (status != 403) {
				wrong.add(route.key() + " without the token: " + status);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyAnswerCarriesTheSecurityHeadersAndNoVersions() {
		List<String> wrong = new ArrayList<>();
		for (Route route : table()) {
			if (!"GET".equals(route.method())) {
				continue;
			}
			String user = route.door().isEmpty() ? null : this.users.get(route.door().iterator().next());
			HttpResponse<String> response = get(route, user);
			java.net.http.HttpHeaders headers = response.headers();
			List<String> missing = new ArrayList<>();
			if (!headers.firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
				missing.add("nosniff");
			}
			if (!headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'")) {
				missing.add("CSP frame-ancestors");
			}
			if (headers.firstValue("Content-Security-Policy").orElse("").contains("unsafe-inline")) {
				missing.add("CSP without unsafe-inline");
			}
			if (!headers.firstValue("Cache-Control").orElse("").contains("no-store")) {
				missing.add("Cache-Control no-store");
			}
			if (headers.firstValue("Server").isPresent() || headers.firstValue("X-Powered-By").isPresent()) {
				missing.add("no Server / X-Powered-By header");
			}
			if (response.body().contains("Exception") && response.statusCode() >= 400) {
				missing.add("no exception in the body");
			}
			if (!missing.isEmpty()) {
				wrong.add(route.key() + " (" + response.statusCode() + "): " + missing);
			}
		}
		assertThat(wrong).isEmpty();
	}

	HttpResponse<String> get(Route route, String username) {
		String path = route.example();
		if (route.api()) {
			ApiClient client = (username != null) ? ApiClient.basic(this.port, username, Users.PASSWORD)
					: ApiClient.anonymous(this.port);
			return client.get(path);
		}
		return signedIn(username).get(path);
	}

	Browser signedIn(String username) {
		return this.browsers.computeIfAbsent(String.valueOf(username), (name) -> {
			Browser browser = new Browser(this.port);
			if (username != null) {
				browser.signIn(username, Users.PASSWORD);
			}
			browser.get("/login");
			browser.get("/");
			return browser;
		});
	}

	/** One call of a route as a user (null: anonymous), answering the status. */
	int call(Route route, String username) {
		String path = route.example();
		if (route.api()) {
			ApiClient client = (username != null) ? ApiClient.basic(this.port, username, Users.PASSWORD)
					: ApiClient.anonymous(this.port);
			HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{}");
			return client.send(client.request(path)
				.header("Content-Type", "application/json")
				.method(route.method(), "GET".equals(route.method()) || "DELETE".equals(route.method())
						? HttpRequest.BodyPublishers.noBody() : body))
				.statusCode();
		}
		Browser browser = signedIn(username);
		if ("GET".equals(route.method())) {
			HttpResponse<String> response = browser.get(path);
			// a page that sends the caller on (not to the sign-in page) has let them in
			boolean onwards = response.statusCode() == 302
					&& !response.headers().firstValue("Location").orElse("").contains("/login");
			return onwards ? 200 : response.statusCode();
		}
		return browser.post(path, Map.of()).statusCode();
	}

	final Map<String, Browser> browsers = new LinkedHashMap<>();

}
