package io.spoofdesk.warningmail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The addresses in an exported address book or list (Outlook/Thunderbird CSV, vCard, or
 * one address per line): every field that holds an address counts, once, lower-cased; our
 * own domains are left out; the rest are grouped by domain in the order first seen.
 */
public final class RecipientList {

	static final int MAX_ADDRESSES = 20_000;

	private static final Pattern ADDRESS = Pattern.compile(
			"[A-Za-z0-9._%+\\-']{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");

	private final Map<String, List<String>> byDomain;

	private final int ours;

	private RecipientList(Map<String, List<String>> byDomain, int ours) {
		this.byDomain = byDomain;
		this.ours = ours;
	}

	/** Reads the addresses out of the text, leaving out those our company owns. */
	public static RecipientList parse(String text, Predicate<String> ourDomain) {
		Set<String> seen = new LinkedHashSet<>();
		Matcher matcher = ADDRESS.matcher((text != null) ? text : "");
		while (matcher.find() && seen.size() < MAX_ADDRESSES) {
			String address = matcher.group().toLowerCase(Locale.ROOT);
			if (valid(address)) {
				seen.add(address);
			}
		}
		Map<String, List<String>> byDomain = new LinkedHashMap<>();
		int ours = 0;
		for (String address : seen) {
			String domain = address.substring(address.indexOf('@') + 1);
			if (ourDomain.test(domain)) {
				ours++;
				continue;
			}
			byDomain.computeIfAbsent(domain, key -> new ArrayList<>()).add(address);
		}
		return new RecipientList(byDomain, ours);
	}

	private static boolean valid(String address) {
		try {
			new InternetAddress(address, true).validate();
			return true;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	/** The same list without the given addresses. */
	public RecipientList without(java.util.Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return this;
		}
		Set<String> left = new java.util.HashSet<>(addresses);
		Map<String, List<String>> kept = new LinkedHashMap<>();
		this.byDomain.forEach((domain, list) -> {
			List<String> remaining = list.stream().filter(address -> !left.contains(address)).toList();
			if (!remaining.isEmpty()) {
				kept.put(domain, new ArrayList<>(remaining));
			}
		});
		return new RecipientList(kept, this.ours);
	}

	/** Domain to its addresses, in the order first seen. */
	public Map<String, List<String>> byDomain() {
		return this.byDomain;
	}

	public int addressCount() {
		return this.byDomain.values().stream().mapToInt(List::size).sum();
	}

	/** How many addresses were left out as our own. */
	public int ours() {
		return this.ours;
	}

}
