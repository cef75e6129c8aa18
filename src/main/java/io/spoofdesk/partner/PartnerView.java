package io.spoofdesk.partner;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A partner as pages, the API and other modules read it. */
public record PartnerView(Long id, String name, String nameKana, List<String> domains, List<Contact> contacts,
		String notes, long version, Instant updatedAt, String updatedBy) {

	public Optional<Contact> contact(Long contactId) {
		return this.contacts.stream().filter(contact -> contact.id().equals(contactId)).findFirst();
	}

	/** Whether an address or host is in one of the partner's domains (or a subdomain). */
	public boolean ownsDomain(String domain) {
		String candidate = domain.toLowerCase(Locale.ROOT);
		return this.domains.stream().anyMatch(own -> candidate.equals(own) || candidate.endsWith("." + own));
	}

	public record Contact(Long id, String name, String email, String phone, String role) {

	}

}
