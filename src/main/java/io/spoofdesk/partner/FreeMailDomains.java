package io.spoofdesk.partner;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Domains where anyone can have an address: free mail and mobile carriers. Two addresses
 * there share nothing but the provider, so a warning never puts them in one draft
 * (DESIGN.md, warning mail: one draft never shows one recipient's address to another).
 * The shipped list is extended with {@code spoofdesk.warning-mail.free-mail-domains}.
 */
@Component
public class FreeMailDomains {

	static final List<String> SHIPPED = List.of("gmail.com", "googlemail.com", "yahoo.co.jp", "yahoo.com",
			"ymail.ne.jp", "outlook.jp", "outlook.com", "hotmail.com", "hotmail.co.jp", "live.jp", "live.com",
			"msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com",
			"mail.com", "yandex.com", "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp",
			"disney.ne.jp", "ymobile.ne.jp", "y-mobile.ne.jp", "emobile.ne.jp", "willcom.com", "rakuten.jp", "mineo.jp",
			"uqmobile.jp", "nifty.com", "biglobe.ne.jp", "ocn.ne.jp", "so-net.ne.jp", "plala.or.jp", "excite.co.jp",
			"goo.jp", "infoseek.jp", "livedoor.com", "excite.com", "zoho.com", "qq.com", "163.com", "naver.com");

	private final Set<String> domains;

	public FreeMailDomains(@Value("${spoofdesk.warning-mail.free-mail-domains:}") List<String> extra) {
		this.domains = java.util.stream.Stream.concat(SHIPPED.stream(), extra.stream())
			.map(domain -> domain.strip().toLowerCase(Locale.ROOT))
			.filter(domain -> !domain.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Whether an address domain is one where unrelated people have addresses. */
	public boolean contains(String domain) {
		String candidate = domain.toLowerCase(Locale.ROOT);
		for (String free : this.domains) {
			if (candidate.equals(free) || candidate.endsWith("." + free)) {
				return true;
			}
		}
		return false;
	}

}
