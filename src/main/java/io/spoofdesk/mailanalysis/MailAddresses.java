package io.spoofdesk.mailanalysis;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Addresses and domains: the part after @, and the organisation a domain belongs to. */
public final class MailAddresses {

	static final Pattern ADDRESS = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)+");

	/** Second-level labels under country codes: example.co.jp is an organisation. */
	private static final Set<String> SECOND_LEVEL = Set.of("co", "ne", "or", "ac", "go", "ed", "gr", "lg", "ad", "com",
			"net", "org", "gov", "edu", "ltd", "plc", "gob", "mil");

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
		if (text == null) {
			return null;
		}
		Matcher matcher = ADDRESS.matcher(text);
		return matcher.find() ? matcher.group() : null;
	}

}
