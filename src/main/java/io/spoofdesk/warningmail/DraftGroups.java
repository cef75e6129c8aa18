package io.spoofdesk.warningmail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.spoofdesk.partner.FreeMailDomains;
import io.spoofdesk.partner.PartnerView;

/**
 * Who shares a draft (DESIGN.md's privacy rule): only the contacts of one partner
 * organisation, To the first and Cc the rest; a free-mail or unknown address gets a draft
 * of its own, so no recipient sees another's private address. A free-mail address joins
 * its partner only when it is one of that partner's contacts. Our own staff are one
 * organisation: a staff notice is one draft.
 */
final class DraftGroups {

	private DraftGroups() {
	}

	/** One draft's recipients, and the partner it warns (null for none). */
	record Group(PartnerView partner, List<String> addresses) {
	}

	static List<Group> of(RecipientList recipients, Map<String, PartnerView> partnersByDomain, FreeMailDomains freeMail,
			boolean staffNotice) {
		if (staffNotice) {
			return List.of(new Group(null, recipients.byDomain().values().stream().flatMap(List::stream).toList()));
		}
		Map<Long, Group> byPartner = new LinkedHashMap<>();
		List<Group> unknown = new ArrayList<>();
		recipients.byDomain().forEach((domain, addresses) -> {
			PartnerView partner = partnersByDomain.get(domain);
			for (String address : addresses) {
				if (partner != null && (!freeMail.contains(domain) || isContact(partner, address))) {
					byPartner.computeIfAbsent(partner.id(), id -> new Group(partner, new ArrayList<>()))
						.addresses()
						.add(address);
				}
				else {
					unknown.add(new Group(null, List.of(address)));
				}
			}
		});
		List<Group> groups = new ArrayList<>(byPartner.values());
		groups.addAll(unknown);
		return groups;
	}

	private static boolean isContact(PartnerView partner, String address) {
		return partner.contacts()
			.stream()
			.anyMatch(contact -> contact.email() != null && contact.email().equalsIgnoreCase(address));
	}

}
