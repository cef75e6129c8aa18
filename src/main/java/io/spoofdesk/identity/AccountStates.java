package io.spoofdesk.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a signed-in session's account is now: enabled or not, its roles, its password
 * hash. Read for every page request, so kept per user for a few seconds; a change on this
 * instance forgets the user's entry at once and again after its transaction commits, and
 * another instance sees the change within {@link #FRESH_FOR}.
 */
@Component
class AccountStates {

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	record State(boolean enabled, Set<Role> roles, String passwordHash) {

	}

	private record Loaded(Optional<State> state, Instant at) {

	}

	private final Map<Long, Loaded> loaded = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountStates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The account's state, or empty when it no longer exists. */
	Optional<State> of(long userId) {
		Instant now = this.clock.instant();
		Loaded current = this.loaded.get(userId);
		if (current == null || current.at().plus(FRESH_FOR).isBefore(now)) {
			current = new Loaded(load(userId), now);
			this.loaded.put(userId, current);
		}
		return current.state();
	}

	void forget(long userId) {
		this.loaded.remove(userId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					AccountStates.this.loaded.remove(userId);
				}
			});
		}
	}

	private Optional<State> load(long userId) {
		return this.jdbc.sql("""
				SELECT u.enabled, u.password_hash, array_remove(array_agg(r.role), NULL) AS roles
				FROM app_user u LEFT JOIN app_user_role r ON r.user_id = u.id
				WHERE u.id = ? GROUP BY u.id""")
			.param(userId)
			.query((rs, n) -> new State(rs.getBoolean("enabled"), Role.fromSql(rs.getArray("roles")),
					rs.getString("password_hash")))
			.optional();
	}

}
