package io.spoofdesk.shared;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Mail domains and host names as SpoofDesk stores them: lower case, ASCII (punycode). */
public final class DomainName {

	private static final Pattern HOST_NAME = Pattern
		.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

	private DomainName() {
	}

	/**
	 * Whether the text (trimmed, any case, Unicode allowed) is a valid domain or host
	 * name.
	 */
	public static boolean isValid(String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		try {
			return HOST_NAME.matcher(normalise(text)).matches();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Trimmed, lower case, internationalised names in their ASCII form. */
	public static String normalise(String text) {
		return IDN.toASCII(text.trim(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
	}

}
