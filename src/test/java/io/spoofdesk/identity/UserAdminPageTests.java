package io.spoofdesk.identity;

import java.net.http.HttpResponse;
import java.util.Map;

import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin creates a helpdesk user on the page; that user then sees only their pages.
 */
@ServerTest
class UserAdminPageTests {

	@LocalServerPort
	int port;

	@Test
	void adminCreatesAHelpdeskUserWhoSeesOnlyTheirPages() {
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin.get("/admin/users/new");

		HttpResponse<String> created = admin.post("/admin/users", Map.of("username", "yamada.hanako", "displayName",
				"山田 花子", "email", "yamada@example.jp", "roles", "HELPDESK", "password", "", "version", "0"));
		assertThat(created.statusCode()).isEqualTo(302);
		String userPage = admin.get(created.headers().firstValue("Location").orElseThrow()).body();
		assertThat(userPage).contains("ユーザーを作成しました");
		String password = userPage.replaceAll("(?s).*<code class=\"fs-5 user-select-all\">([^<]+)</code>.*", "$1");
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(admin.get(created.headers().firstValue("Location").orElseThrow()).body())
			.as("the password is shown once")
			.doesNotContain(password);

		Browser helpdesk = new Browser(this.port);
		assertThat(helpdesk.signIn("yamada.hanako", password).headers().firstValue("Location").orElseThrow())
			.doesNotContain("error");
		assertThat(helpdesk.get("/").body()).contains("山田 花子", "ヘルプデスク").doesNotContain("/admin/users");
		assertThat(helpdesk.get("/admin/users").statusCode()).isEqualTo(403);
	}

	@Test
	void invalidFormShowsErrorsNextToTheFields() {
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin.get("/admin/users/new");

		HttpResponse<String> response = admin.post("/admin/users", Map.of("username", "has space", "displayName", "",
				"email", "not-an-email", "password", "short", "version", "0"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("入力内容を確認してください", "半角英数字", "役割を1つ以上選んでください", "12文字以上", "is-invalid");
	}

	@Test
	void adminDisablesAndResetsThePasswordOfAUser() {
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin.get("/admin/users/new");
		String location = admin
			.post("/admin/users", Map.of("username", "to.disable", "displayName", "Disable Me", "roles", "STAFF",
					"password", "initial-password-123", "version", "0"))
			.headers()
			.firstValue("Location")
			.orElseThrow();
		String page = admin.get(location).body();
		assertThat(page).contains("data-confirm=");

		admin.post(location + "/reset-password", Map.of());
		String reset = admin.get(location).body();
		String newPassword = reset.replaceAll("(?s).*<code class=\"fs-5 user-select-all\">([^<]+)</code>.*", "$1");
		assertThat(new Browser(this.port).signIn("to.disable", "initial-password-123")
			.headers()
			.firstValue("Location")
			.orElseThrow()).endsWith("?error");
		assertThat(
				new Browser(this.port).signIn("to.disable", newPassword).headers().firstValue("Location").orElseThrow())
			.doesNotContain("error");

		admin.post(location + "/disable", Map.of());
		assertThat(admin.get(location).body()).contains("ユーザーを無効にしました");
		assertThat(
				new Browser(this.port).signIn("to.disable", newPassword).headers().firstValue("Location").orElseThrow())
			.as("the same answer as a wrong password")
			.endsWith("?error");
	}

	@Test
	void userChangesTheirOwnPasswordAndManagesTokensOnTheProfilePage() {
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin.get("/admin/users/new");
		admin.post("/admin/users", Map.of("username", "profile.user", "displayName", "Profile", "roles", "STAFF",
				"password", "initial-password-123", "version", "0"));
		Browser user = new Browser(this.port);
		user.signIn("profile.user", "initial-password-123");
		user.get("/profile");

		HttpResponse<String> wrong = user.post("/profile/password", Map.of("currentPassword", "nope", "newPassword",
				"brand-new-password-1", "confirmation", "brand-new-password-1"));
		assertThat(wrong.body()).contains("現在のパスワードが正しくありません");

		user.post("/profile/password", Map.of("currentPassword", "initial-password-123", "newPassword",
				"brand-new-password-1", "confirmation", "brand-new-password-1"));
		assertThat(new Browser(this.port).signIn("profile.user", "brand-new-password-1")
			.headers()
			.firstValue("Location")
			.orElseThrow()).doesNotContain("error");

		user.get("/profile");
		user.post("/profile/tokens", Map.of("name", "月次レポート"));
		String profile = user.get("/profile").body();
		assertThat(profile).contains("月次レポート", "sdk_");
		assertThat(user.get("/profile").body()).as("the token is shown once").doesNotContain("sdk_");
	}

}
