package io.spoofdesk.partner;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.spoofdesk.settings.CompanyIdentityService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Domains where anyone can have an address: free mail and mobile carriers. Two addresses
 * there share nothing but the provider, so a warning never puts them in one draft
 * (DESIGN.md, warning mail: one draft never shows one recipient's address to another).
 * The list is the company settings' (the shipped one until an admin edits it), plus
 * {@code spoofdesk.warning-mail.free-mail-domains} for deployments that set it once.
 */
@Component
public class FreeMailDomains {

	private final CompanyIdentityService identities;

	private final List<String> extra;

	public FreeMailDomains(CompanyIdentityService identities,
			@Value("${spoofdesk.warning-mail.free-mail-domains:}") List<String> extra) {
		this.identities = identities;
		this.extra = extra.stream()
			.map(domain -> domain.strip().toLowerCase(Locale.ROOT))
			.filter(domain -> !domain.isEmpty())
			.toList();
	}

	/** Whether an address domain is one where unrelated people have addresses. */
	public boolean contains(String domain) {
		String candidate = domain.toLowerCase(Locale.ROOT);
		return Stream.concat(this.identities.current().freeMailDomains().stream(), this.extra.stream())
			.map(free -> free.toLowerCase(Locale.ROOT))
			.anyMatch(free -> candidate.equals(free) || candidate.endsWith("." + free));
	}

}
