package io.spoofdesk.mailanalysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Addresses and domains: the part after @, and the organisation a domain belongs to. */
public final class MailAddresses {

	/** Second-level labels under country codes: example.co.jp is an organisation. */
	private static final Set<String> SECOND_LEVEL = Set.of("co", "ne", "or", "ac", "go", "ed", "gr", "lg", "ad", "com",
			"net", "org", "gov", "edu", "ltd", "plc", "gob", "mil");

	private static final String LOCAL_PUNCTUATION = ".!#$%&'*+/=?^_`{|}~-";

	private MailAddresses() {
	}

	public static String domainOf(String address) {
		if (address == null) {
			return null;
		}
		int at = address.lastIndexOf('@');
		return at < 0 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
	}

	/** The registrable part of a domain: mail.example.co.jp → example.co.jp. */
	static String organisation(String domain) {
		String[] labels = domain.toLowerCase(Locale.ROOT).split("\\.");
		int n = labels.length;
		if (n <= 2) {
			return domain.toLowerCase(Locale.ROOT);
		}
		int keep = (labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2])) ? 3 : 2;
		return String.join(".", List.of(labels).subList(n - keep, n));
	}

	static boolean sameOrganisation(String a, String b) {
		return a != null && b != null && organisation(a).equals(organisation(b));
	}

	/** Whether a domain is one of the given domains or a subdomain of one. */
	static boolean withinAny(String domain, Collection<String> domains) {
		String candidate = domain.toLowerCase(Locale.ROOT);
		for (String own : domains) {
			if (candidate.equals(own) || candidate.endsWith("." + own)) {
				return true;
			}
		}
		return false;
	}

	/** The first address written inside a text (such as a display name), or null. */
	static String firstAddressIn(String text) {
		List<String> found = addressesIn(text, 1);
		return found.isEmpty() ? null : found.get(0);
	}

	/** Every address written inside a text, in order. */
	static List<String> addressesIn(String text) {
		return addressesIn(text, Integer.MAX_VALUE);
	}

	/**
	 * Found from each {@code @} outwards, so a long run of address characters costs one
	 * pass (a regular expression tried at every position of it cost quadratic time).
	 */
	private static List<String> addressesIn(String text, int max) {
		List<String> found = new ArrayList<>();
		if (text == null) {
			return found;
		}
		int at = text.indexOf('@');
		int previousEnd = 0;
		while (at >= 0 && found.size() < max) {
			int start = at;
			while (start > previousEnd && isLocalCharacter(text.charAt(start - 1))) {
				start--;
			}
			int end = at + 1;
			while (end < text.length() && isDomainCharacter(text.charAt(end))) {
				end++;
			}
			while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
				end--;
			}
			String domain = text.substring(at + 1, end);
			if (start < at && domain.indexOf('.') > 0 && !domain.startsWith("-") && !domain.contains("..")) {
				found.add(text.substring(start, end));
				previousEnd = end;
			}
			at = text.indexOf('@', at + 1);
		}
		return found;
	}

	private static boolean isLocalCharacter(char c) {
		return c < 0x80 && (Character.isLetterOrDigit(c) || LOCAL_PUNCTUATION.indexOf(c) >= 0);
	}

	private static boolean isDomainCharacter(char c) {
		return c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.');
	}

}
