package io.spoofdesk.shared;

import java.time.Instant;

/**
 * A save based on a version someone else has changed since: answered 409 with who changed
 * it and when, so the user can reload instead of overwriting their colleague's work.
 */
public class EditConflictException extends RuntimeException {

	private final String changedBy;

	private final Instant changedAt;

	public EditConflictException(String changedBy, Instant changedAt) {
		super("Changed by " + changedBy + " at " + changedAt);
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	public String changedBy() {
		return this.changedBy;
	}

	public Instant changedAt() {
		return this.changedAt;
	}

}
