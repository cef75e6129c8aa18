package io.spoofdesk.shared;

import java.util.function.Supplier;

/**
 * The one check of "nobody saved this since you read it", for both persistence styles. A
 * JPA entity is read, compared with the version the form or API call was based on, and
 * Hibernate's {@code @Version} catches the race after that; a JdbcClient class writes
 * {@code UPDATE ... SET version = version + 1 WHERE id = ? AND version = ?} (or the
 * status it read) and passes the row count here. Either way the user gets 409 with who
 * changed it and when ({@link EditConflictException}).
 */
public final class OptimisticLock {

	private OptimisticLock() {
	}

	/**
	 * Refuses a save based on another version than the stored one; {@code null} (an API
	 * call that sent none) is not checked.
	 */
	public static void expect(Long expectedVersion, Versioned stored) {
		if (expectedVersion != null && expectedVersion != stored.version()) {
			throw conflict(stored);
		}
	}

	/**
	 * After an UPDATE guarded by what was read: no row changed means someone else saved
	 * first, and {@code storedNow} reads who.
	 */
	public static void updated(int rows, Supplier<? extends Versioned> storedNow) {
		if (rows == 0) {
			throw conflict(storedNow.get());
		}
	}

	public static EditConflictException conflict(Versioned stored) {
		return new EditConflictException(stored.updatedBy(), stored.updatedAt());
	}

}
