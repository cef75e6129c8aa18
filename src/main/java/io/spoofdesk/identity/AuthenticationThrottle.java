package io.spoofdesk.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed authentications in the database (so a restart or a second instance does
 * not reset them) and refuses further attempts for a while once a limit is reached, on
 * every path: form login, HTTP Basic and API tokens. Three counts: per user name and
 * client address (a few failures block that pair), per client address (guessing many
 * names), and per user name from anywhere (a slower back-off, which does not stop the
 * user at an address they have signed in from before: a stranger cannot lock anyone out).
 */
@Component
class AuthenticationThrottle {

	static final String USER = "USER";

	static final String ADDRESS = "ADDRESS";

	static final String USER_ADDRESS = "USER_ADDRESS";

	private final JdbcClient jdbc;

	private final ThrottleProperties properties;

	private final Clock clock;

	AuthenticationThrottle(JdbcClient jdbc, ThrottleProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Until when attempts for this user name or from this address are refused, if they
	 * are. One statement, without a transaction: every API call and sign-in asks.
	 */
	Optional<Instant> blockedUntil(String username, String address) {
		Timestamp now = Timestamp.from(this.clock.instant());
		String user = normalised(username);
		return this.jdbc.sql("""
				SELECT max(blocked_until) FROM auth_throttle
				WHERE blocked_until > :now
				  AND ((scope = 'USER_ADDRESS' AND subject = :pair) OR (scope = 'ADDRESS' AND subject = :address)
				       OR (scope = 'USER' AND subject = :user AND NOT EXISTS (
				           SELECT 1 FROM auth_known_address k WHERE k.username = :user AND k.address = :address)))""")
			.param("now", now)
			.param("pair", pair(user, address))
			.param("address", (address != null) ? address : "")
			.param("user", user)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordFailure(String username, String address) {
		if (username != null && !username.isBlank()) {
			count(USER_ADDRESS, pair(normalised(username), address), this.properties.maxFailuresPerUser());
			count(USER, normalised(username), this.properties.maxFailuresPerUserAnywhere());
		}
		if (address != null) {
			count(ADDRESS, address, this.properties.maxFailuresPerAddress());
		}
	}

	/**
	 * A successful sign-in clears the count of its user name at its address (not the
	 * address's: others share it) and makes the address one the user is known at.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSuccess(String username, String address) {
		String user = normalised(username);
		this.jdbc.sql("DELETE FROM auth_throttle WHERE scope = 'USER_ADDRESS' AND subject = ?")
			.param(pair(user, address))
			.update();
		if (address != null) {
			this.jdbc.sql("""
					INSERT INTO auth_known_address (username, address, last_success) VALUES (?, ?, ?)
					ON CONFLICT (username, address) DO UPDATE SET last_success = EXCLUDED.last_success""")
				.params(user, address, Timestamp.from(this.clock.instant()))
				.update();
		}
	}

	private static String pair(String user, String address) {
		return user + " " + ((address != null) ? address : "");
	}

	private void count(String scope, String subject, int maxFailures) {
		Instant now = this.clock.instant();
		Timestamp windowStart = Timestamp.from(now.minus(this.properties.window()));
		Timestamp blockUntil = Timestamp.from(now.plus(this.properties.block()));
		this.jdbc.sql("""
				INSERT INTO auth_throttle AS t (scope, subject, failures, window_started, blocked_until)
				VALUES (:scope, :subject, 1, CAST(:now AS timestamptz),
				        CASE WHEN 1 >= CAST(:max AS integer) THEN CAST(:blockUntil AS timestamptz) END)
				ON CONFLICT (scope, subject) DO UPDATE SET
				    failures = CASE WHEN t.window_started < CAST(:windowStart AS timestamptz) THEN 1
				                    ELSE t.failures + 1 END,
				    window_started = CASE WHEN t.window_started < CAST(:windowStart AS timestamptz)
				                          THEN CAST(:now AS timestamptz) ELSE t.window_started END,
				    blocked_until = CASE
				        WHEN (CASE WHEN t.window_started < CAST(:windowStart AS timestamptz) THEN 1
				                   ELSE t.failures + 1 END) >= CAST(:max AS integer)
				        THEN CAST(:blockUntil AS timestamptz)
				        WHEN t.blocked_until > CAST(:now AS timestamptz) THEN t.blocked_until
				    END""")
			.param("scope", scope)
			.param("subject", subject)
			.param("now", Timestamp.from(now))
			.param("max", maxFailures)
			.param("blockUntil", blockUntil)
			.param("windowStart", windowStart)
			.update();
	}

	static Duration retryAfter(Instant until, Clock clock) {
		Duration left = Duration.between(clock.instant(), until);
		return left.isNegative() ? Duration.ZERO : left;
	}

	private static String normalised(String username) {
		return (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
	}

}
