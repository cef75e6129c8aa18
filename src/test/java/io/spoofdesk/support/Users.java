package io.spoofdesk.support;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates users through the admin API, each with a fresh name, as an admin would. */
public final class Users {

	public static final String PASSWORD = "correct-horse-battery";

	private Users() {
	}

	/** Creates a user holding the given roles; answers the user name. */
	public static String create(int port, String... roles) {
		String username = "u" + UUID.randomUUID().toString().substring(0, 8);
		String roleList = Arrays.stream(roles).map(role -> "\"" + role + "\"").collect(Collectors.joining(","));
		HttpResponse<String> response = ApiClient.basic(port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD)
			.post("/api/v1/users", """
					{"username": "%s", "displayName": "テスト %s", "email": "%s@example.jp",
					 "roles": [%s], "password": "%s"}""".formatted(username, username, username, roleList, PASSWORD));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return username;
	}

}
