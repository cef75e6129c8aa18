package io.spoofdesk.shared;

/** Small text helpers every module may use. */
public final class Texts {

	private Texts() {
	}

	/**
	 * Null for a missing or blank value, else the value without surrounding white space.
	 */
	public static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The value cut to at most {@code max} characters (null stays null). */
	public static String clip(String value, int max) {
		return (value != null && value.length() > max) ? value.substring(0, max) : value;
	}

}
