package io.spoofdesk.shared;

/**
 * A request that cannot be applied to the current state, e.g. a user name that is already
 * taken; answered 409 with its message key.
 */
public class ConflictException extends RuntimeException {

	private final String messageKey;

	public ConflictException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
