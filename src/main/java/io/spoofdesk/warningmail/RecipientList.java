package io.spoofdesk.warningmail;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Email;
import ezvcard.property.StructuredName;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.spoofdesk.shared.Csv;

/**
 * The addresses in an exported address book or list (Outlook/Thunderbird CSV, vCard, or
 * one address per line): every field that holds an address counts, once, lower-cased; our
 * own domains are left out; the rest are grouped by domain in the order first seen.
 */
public final class RecipientList {

	static final int MAX_ADDRESSES = 20_000;

	private static final Pattern ADDRESS = Pattern.compile(
			"[A-Za-z0-9._%+\\-']{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");

	/** How many unreadable entries a reading names (the rest are only counted). */
	static final int MAX_NAMED_UNREADABLE = 20;

	private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s,;:\"'<>()\\[\\]]+");

	private final Map<String, List<String>> byDomain;

	private final int ours;

	private RecipientList(Map<String, List<String>> byDomain, int ours) {
		this.byDomain = byDomain;
		this.ours = ours;
	}

	/**
	 * What reading a pasted list or file left out and why, for the person who pasted it:
	 * addresses of our own domains, repeated addresses, and entries with an {@code @}
	 * that are not an address (the first {@link #MAX_NAMED_UNREADABLE} named).
	 */
	public static Reading reading(String text, Predicate<String> ourDomain) {
		String all = (text != null) ? text : "";
		int found = 0;
		Set<String> distinct = new HashSet<>();
		Matcher matcher = ADDRESS.matcher(all);
		while (matcher.find() && found < MAX_ADDRESSES) {
			String address = matcher.group().toLowerCase(Locale.ROOT);
			if (valid(address)) {
				found++;
				distinct.add(address);
			}
		}
		int ours = (int) distinct.stream()
			.filter(address -> ourDomain.test(address.substring(address.indexOf('@') + 1)))
			.count();
		List<String> unreadable = new ArrayList<>();
		int unreadableCount = 0;
		for (String token : TOKEN_SEPARATORS.split(all)) {
			if (token.indexOf('@') < 0) {
				continue;
			}
			Matcher inToken = ADDRESS.matcher(token);
			if (!(inToken.find() && valid(inToken.group().toLowerCase(Locale.ROOT)))) {
				unreadableCount++;
				if (unreadable.size() < MAX_NAMED_UNREADABLE) {
					unreadable.add((token.length() > 80) ? token.substring(0, 80) + "…" : token);
				}
			}
		}
		return new Reading(distinct.size() - ours, ours, found - distinct.size(), unreadableCount, unreadable);
	}

	/** See {@link #reading}. */
	public record Reading(int kept, int ours, int duplicates, int unreadableCount,
			List<String> unreadable) implements Serializable {

		public boolean leftSomethingOut() {
			return this.ours > 0 || this.duplicates > 0 || this.unreadableCount > 0;
		}

	}

	/** Whether the text is exactly one well-formed address, as the list would read it. */
	static boolean isSingleAddress(String address) {
		return !address.isEmpty() && parse(address, domain -> false).byDomain()
			.values()
			.stream()
			.flatMap(List::stream)
			.toList()
			.equals(List.of(address));
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

	/**
	 * The names and organisations an exported address book gives its addresses (lower
	 * case): vCard {@code FN}/{@code ORG}, or the name and company columns of an Outlook
	 * or Thunderbird CSV export (表示名, 名前, 姓 + 名, Display Name, First + Last Name, 会社,
	 * Company...). Empty for a plain list.
	 */
	public static Map<String, Person> peopleIn(String text) {
		Map<String, Person> people = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return people;
		}
		if (text.toUpperCase(Locale.ROOT).contains("BEGIN:VCARD")) {
			return peopleInVCards(text);
		}
		List<List<String>> rows;
		try {
			rows = Csv.parse(text);
		}
		catch (IllegalArgumentException ex) {
			return people; // not CSV: the addresses still count, only the names are
							// unknown
		}
		if (rows.size() < 2 || rows.get(0).stream().anyMatch(cell -> cell.contains("@"))) {
			return people;
		}
		List<String> header = rows.get(0).stream().map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList();
		int display = indexOf(header, "表示名", "display name", "名前", "氏名", "name", "フルネーム");
		int last = indexOf(header, "姓", "last name");
		int first = indexOf(header, "名", "first name");
		int company = indexOf(header, "会社", "会社名", "勤務先", "company", "organization", "organisation");
		for (List<String> row : rows.subList(1, rows.size())) {
			String name = cell(row, display);
			if (name == null) {
				String joined = ((cell(row, last) != null) ? cell(row, last) : "") + " "
						+ ((cell(row, first) != null) ? cell(row, first) : "");
				name = blankToNull(joined.strip());
			}
			Person person = new Person(name, cell(row, company));
			for (String cell : row) {
				Matcher matcher = ADDRESS.matcher(cell.strip());
				if (matcher.matches()) {
					people.putIfAbsent(cell.strip().toLowerCase(Locale.ROOT), person);
				}
			}
		}
		return people;
	}

	/**
	 * vCard 2.1 to 4.0 as Outlook, Thunderbird, iPhone and Android export them, read by
	 * ez-vcard (quoted-printable, folded lines and per-property charsets included).
	 */
	private static Map<String, Person> peopleInVCards(String text) {
		Map<String, Person> people = new LinkedHashMap<>();
		for (VCard card : Ezvcard.parse(text).all()) {
			String name = (card.getFormattedName() != null) ? blankToNull(card.getFormattedName().getValue()) : null;
			if (name == null && card.getStructuredName() != null) {
				StructuredName structured = card.getStructuredName();
				name = blankToNull((nonNull(structured.getFamily()) + " " + nonNull(structured.getGiven())).strip());
			}
			String organisation = (card.getOrganization() != null)
					? blankToNull(String.join(" ", card.getOrganization().getValues()).strip()) : null;
			for (Email email : card.getEmails()) {
				if (email.getValue() != null && !email.getValue().isBlank()) {
					people.putIfAbsent(email.getValue().strip().toLowerCase(Locale.ROOT),
							new Person(name, organisation));
				}
			}
		}
		return people;
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	private static int indexOf(List<String> header, String... names) {
		for (String name : names) {
			int index = header.indexOf(name);
			if (index >= 0) {
				return index;
			}
		}
		return -1;
	}

	private static String cell(List<String> row, int index) {
		return (index >= 0 && index < row.size()) ? blankToNull(row.get(index).strip()) : null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/** A person in an address book: the name to greet, the organisation. */
	public record Person(String name, String organisation) {

	}

	/** The same list without the given addresses. */
	public RecipientList without(Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return this;
		}
		Set<String> left = new HashSet<>(addresses);
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
