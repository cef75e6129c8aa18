package io.spoofdesk.shared;

import java.time.Instant;

/**
 * Something saved with a version number that every change raises: what
 * {@link OptimisticLock} compares, and who changed it last and when, to tell the user.
 */
public interface Versioned {

	long version();

	String updatedBy();

	Instant updatedAt();

}
