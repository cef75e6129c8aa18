package io.spoofdesk.settings;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Our sending hosts given as addresses: IPv4 or IPv6, optionally with a prefix length.
 */
final class IpRanges {

	private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

	private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}$");

	private IpRanges() {
	}

	/** An IPv4 or IPv6 address, optionally with a prefix length (CIDR). */
	static boolean isValid(String text) {
		if (text == null) {
			return false;
		}
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
		boolean v4 = IPV4.matcher(address).matches();
		boolean v6 = !v4 && IPV6.matcher(address).matches();
		if (!v4 && !v6) {
			return false;
		}
		if (v4 && !Arrays.stream(address.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255)) {
			return false;
		}
		if (slash < 0) {
			return true;
		}
		String prefix = trimmed.substring(slash + 1);
		return prefix.matches("\\d{1,3}") && Integer.parseInt(prefix) <= (v4 ? 32 : 128);
	}

}
