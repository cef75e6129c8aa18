package io.spoofdesk.identity;

import java.net.http.HttpResponse;
import java.time.Clock;

import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated failed authentication is refused for a while, per user and per address, on
 * every path.
 */
@ServerTest
class ThrottleTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ThrottleProperties properties;

	@AfterEach
	void forgetFailures() {
		// Every test runs from 127.0.0.1: leave no block behind for the other tests.
		this.jdbc.sql("DELETE FROM auth_throttle").update();
	}

	@Test
	void afterFiveWrongPasswordsEvenTheRightOneIsRefusedOnEveryPath() {
		String username = Users.create(this.port, "STAFF");
		for (int attempt = 0; attempt < this.properties.maxFailuresPerUser(); attempt++) {
			new Browser(this.port).signIn(username, "wrong-" + attempt);
		}

		HttpResponse<String> form = new Browser(this.port).signIn(username, Users.PASSWORD);
		assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/login?throttled");

		HttpResponse<String> basic = ApiClient.basic(this.port, username, Users.PASSWORD).get("/api/v1/tokens");
		assertThat(basic.statusCode()).isEqualTo(429);
		assertThat(basic.headers().firstValue("Retry-After")).isPresent();

		String other = Users.create(this.port, "STAFF");
		assertThat(new Browser(this.port).signIn(other, Users.PASSWORD).headers().firstValue("Location").orElseThrow())
			.as("another user from the same address is not blocked yet")
			.doesNotContain("throttled");
	}

	@Test
	void blockSurvivesARestart() {
		String username = Users.create(this.port, "STAFF");
		ApiClient wrong = ApiClient.basic(this.port, username, "wrong-password");
		for (int attempt = 0; attempt < this.properties.maxFailuresPerUser(); attempt++) {
			assertThat(wrong.get("/api/v1/tokens").statusCode()).isEqualTo(401);
		}

		AuthenticationThrottle afterRestart = new AuthenticationThrottle(this.jdbc, this.properties, Clock.systemUTC());

		assertThat(afterRestart.blockedUntil(username, "127.0.0.1")).isPresent();
	}

	@Test
	void manyBadTokensFromOneAddressBlockThatAddress() {
		String username = Users.create(this.port, "STAFF");
		for (int attempt = 0; attempt < this.properties.maxFailuresPerAddress(); attempt++) {
			assertThat(ApiClient.bearer(this.port, "sdk_guess" + attempt).get("/api/v1/tokens").statusCode())
				.isEqualTo(401);
		}

		HttpResponse<String> response = ApiClient.basic(this.port, username, Users.PASSWORD).get("/api/v1/tokens");

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.body()).contains("\"status\":429");
	}

	@Test
	void aStrangerCannotLockAUserOutOfTheAddressesTheyWorkFrom() {
		String admin = "victim-" + System.nanoTime();
		AuthenticationThrottle throttle = new AuthenticationThrottle(this.jdbc, this.properties, Clock.systemUTC());
		throttle.recordSuccess(admin, "198.51.100.10"); // the office, signed in from
														// before

		for (int attempt = 0; attempt < this.properties.maxFailuresPerUserAnywhere(); attempt++) {
			throttle.recordFailure(admin, "203.0.113." + (attempt % 200)); // a botnet
																			// guessing
		}

		assertThat(throttle.blockedUntil(admin, "198.51.100.10")).as("the office still gets in").isEmpty();
		assertThat(throttle.blockedUntil(admin, "192.0.2.99")).as("a new address waits").isPresent();
		assertThat(throttle.blockedUntil(admin, "203.0.113.1")).as("the guessing addresses wait").isPresent();

		for (int attempt = 0; attempt < this.properties.maxFailuresPerUser(); attempt++) {
			throttle.recordFailure(admin, "198.51.100.10");
		}
		assertThat(throttle.blockedUntil(admin, "198.51.100.10")).as("but not for ever at a known address").isPresent();
		assertThat(throttle.blockedUntil("someone-else", "198.51.100.10")).isEmpty();
	}

}
