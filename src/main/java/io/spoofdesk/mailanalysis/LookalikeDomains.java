package io.spoofdesk.mailanalysis;

import java.util.Collection;
import java.util.Locale;

/**
 * Whether a sender domain imitates a known one: one or two edits away (swapped, missing
 * or extra letters), look-alike characters swapped (l/1/i, rn/m, 0/o, vv/w), or the known
 * domain used as a prefix of a foreign one (aoba-trading.co.jp.example.ru).
 */
final class LookalikeDomains {

	private LookalikeDomains() {
	}

	/** The known domain the candidate imitates, or null. */
	static String imitated(String candidate, Collection<String> known) {
		if (candidate == null || candidate.isBlank()) {
			return null;
		}
		String domain = candidate.toLowerCase(Locale.ROOT);
		if (known.contains(domain)) {
			return null;
		}
		String organisation = MailAddresses.organisation(domain);
		for (String other : known) {
			if (MailAddresses.sameOrganisation(domain, other)) {
				return null;
			}
		}
		for (String other : known) {
			if (imitates(domain, organisation, other)) {
				return other;
			}
		}
		return null;
	}

	private static boolean imitates(String domain, String organisation, String known) {
		if (domain.startsWith(known + ".")) {
			return true;
		}
		String knownOrganisation = MailAddresses.organisation(known);
		if (Math.abs(knownOrganisation.length() - organisation.length()) > 2) {
			return false;
		}
		if (skeleton(organisation).equals(skeleton(knownOrganisation))) {
			return true;
		}
		int shorter = Math.min(organisation.length(), knownOrganisation.length());
		int allowed = shorter >= 10 ? 2 : shorter >= 6 ? 1 : 0;
		return allowed > 0 && distance(organisation, knownOrganisation, allowed) <= allowed;
	}

	/** The domain with look-alike characters folded together. */
	static String skeleton(String domain) {
		return domain.replace("rn", "m")
			.replace("vv", "w")
			.replace("cl", "d")
			.replace('1', 'l')
			.replace('i', 'l')
			.replace('|', 'l')
			.replace('0', 'o');
	}

	/**
	 * Optimal-string-alignment distance (edits with adjacent swaps), giving up once it is
	 * over {@code limit}.
	 */
	static int distance(String a, String b, int limit) {
		int n = a.length();
		int m = b.length();
		int[] previous2 = new int[m + 1];
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			current[0] = i;
			int rowMin = current[0];
			for (int j = 1; j <= m; j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					value = Math.min(value, previous2[j - 2] + 1);
				}
				current[j] = value;
				rowMin = Math.min(rowMin, value);
			}
			if (rowMin > limit) {
				return limit + 1;
			}
			int[] recycled = previous2;
			previous2 = previous;
			previous = current;
			current = recycled;
		}
		return previous[m];
	}

}
