package io.spoofdesk.partner;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who a mail address belongs to among the partners' contacts. */
@Service
public class PartnerContacts {

	private final JdbcClient jdbc;

	PartnerContacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The contact with this address (any case), the first registered if several. */
	@Transactional(readOnly = true)
	public Optional<Contact> byEmail(String address) {
		if (address == null || address.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT c.partner_id, p.name AS partner, c.id, c.name FROM partner_contact c
				JOIN partner p ON p.id = c.partner_id
				WHERE lower(c.email) = lower(?) ORDER BY c.partner_id, c.position LIMIT 1""")
			.param(address.strip())
			.query((rs, n) -> new Contact(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
			.optional();
	}

	/** A partner's contact: whom we answer, and under which partner. */
	public record Contact(long partnerId, String partnerName, long contactId, String name) {

	}

}
