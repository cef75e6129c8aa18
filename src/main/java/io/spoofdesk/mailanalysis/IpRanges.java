package io.spoofdesk.mailanalysis;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP addresses against ranges written as CIDR (or single addresses), without DNS. */
final class IpRanges {

	private static final Pattern IP_LITERAL = Pattern
		.compile("^(\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)$");

	private IpRanges() {
	}

	static boolean isIpOrRange(String text) {
		String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
		return IP_LITERAL.matcher(address).matches();
	}

	static boolean contains(String range, String ip) {
		if (ip == null || !isIpOrRange(range) || !IP_LITERAL.matcher(ip).matches()) {
			return false;
		}
		try {
			int slash = range.indexOf('/');
			byte[] network = InetAddress.getByName(slash < 0 ? range : range.substring(0, slash)).getAddress();
			byte[] address = InetAddress.getByName(ip).getAddress();
			if (network.length != address.length) {
				return false;
			}
			int bits = slash < 0 ? network.length * 8 : Integer.parseInt(range.substring(slash + 1));
			for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
				int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
				if ((network[i] & mask) != (address[i] & mask)) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException | NumberFormatException ex) {
			return false;
		}
	}

}
