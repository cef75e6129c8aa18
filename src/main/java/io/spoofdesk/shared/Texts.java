package io.spoofdesk.shared;

import org.springframework.web.util.HtmlUtils;

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

	/**
	 * The value as HTML text, for markup written in Java (a missing value is empty): the
	 * five markup characters escaped, everything else as it is (UTF-8 pages).
	 */
	public static String html(String value) {
		return (value != null) ? HtmlUtils.htmlEscape(value, "UTF-8") : "";
	}

}
