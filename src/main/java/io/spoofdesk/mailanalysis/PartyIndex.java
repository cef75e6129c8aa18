package io.spoofdesk.mailanalysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Our partners as the engine looks them up: by a name appearing in a display name, and
 * all their mail domains for the look-alike check. Built once from a snapshot of the
 * partner directory and shared between analyses (immutable).
 */
public final class PartyIndex {

	private final List<Entry> entries;

	private final Set<String> domains;

	private PartyIndex(List<Entry> entries, Set<String> domains) {
		this.entries = entries;
		this.domains = domains;
	}

	public static PartyIndex empty() {
		return of(List.of());
	}

	public static PartyIndex of(List<KnownPartner> partners) {
		List<Entry> entries = new ArrayList<>();
		Set<String> domains = new HashSet<>();
		for (KnownPartner partner : partners) {
			List<String> partnerDomains = partner.domains().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
			domains.addAll(partnerDomains);
			addEntry(entries, partner.name(), partner.name(), partnerDomains);
			for (String contact : partner.contactNames()) {
				addEntry(entries, contact, partner.name(), partnerDomains);
			}
		}
		return new PartyIndex(List.copyOf(entries), Set.copyOf(domains));
	}

	private static void addEntry(List<Entry> entries, String name, String partnerName, List<String> domains) {
		String key = Names.matchKey(name);
		if (Names.isDistinctive(key)) {
			entries.add(new Entry(key, name, partnerName, domains));
		}
	}

	/** Partners, or contacts of partners, whose name appears in the display name. */
	List<Entry> namedIn(String display) {
		String key = Names.matchKey(display);
		if (key.isEmpty()) {
			return List.of();
		}
		List<Entry> found = new ArrayList<>();
		for (Entry entry : this.entries) {
			if (key.contains(entry.key())) {
				found.add(entry);
			}
		}
		return found;
	}

	Set<String> domains() {
		return this.domains;
	}

	/**
	 * A partner as the engine needs it: names to recognise and the domains it sends from.
	 */
	public record KnownPartner(String name, List<String> domains, List<String> contactNames) {

	}

	/** A recognisable name ({@code key} normalised) and the domains allowed to use it. */
	record Entry(String key, String name, String partnerName, List<String> domains) {

	}

}
