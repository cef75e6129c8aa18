package io.spoofdesk.identity;

/** The password policy every way in checks: forms, the API and the first admin. */
final class Passwords {

	/** Fewer characters than this are refused. */
	static final int MIN_LENGTH = 12;

	/** More characters than this are refused (bcrypt reads only the first 72 bytes). */
	static final int MAX_LENGTH = 200;

	private Passwords() {
	}

}
