package io.spoofdesk.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.DomainName;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.OptimisticLock;
import io.spoofdesk.shared.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner module's public API: find, create and change partners. Every change is
 * audited field by field, in the same transaction.
 */
@Service
public class PartnerDirectory {

	static final String TARGET = "Partner";

	private final PartnerRepository partners;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PartnerDirectory(PartnerRepository partners, AuditLog auditLog, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.partners = partners;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Merges a duplicate into the partner to keep: its domains and contacts move over
	 * (contacts keep their ids), everything pointing at it is moved by listeners of
	 * {@link PartnersMerged}, then the duplicate is deleted. All in one transaction,
	 * audited on both partners.
	 */
	@Transactional
	public void merge(long keepId, long duplicateId) {
		if (keepId == duplicateId) {
			throw new ConflictException("partner.merge.self");
		}
		PartnerView keep = get(keepId);
		PartnerView duplicate = get(duplicateId);
		this.partners.flush();
		this.jdbc.sql("""
				INSERT INTO partner_domain (partner_id, domain)
				SELECT ?, domain FROM partner_domain WHERE partner_id = ? ON CONFLICT DO NOTHING""")
			.params(keepId, duplicateId)
			.update();
		this.jdbc.sql("UPDATE partner_contact SET partner_id = ?, position = position + ? WHERE partner_id = ?")
			.params(keepId, keep.contacts().size(), duplicateId)
			.update();
		this.events.publishEvent(new PartnersMerged(keepId, duplicateId));
		this.jdbc.sql("DELETE FROM partner WHERE id = ?").param(duplicateId).update();
		this.jdbc.sql("UPDATE partner SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now(this.clock)), CurrentUser.username(), keepId)
			.update();
		this.auditLog.record(AuditEntry.change("PARTNER_MERGED", TARGET, keepId, "mergedFrom", null,
				duplicate.name() + " (#" + duplicateId + ")"));
		this.auditLog.record(AuditEntry.change("PARTNER_MERGED", TARGET, duplicateId, "mergedInto", null,
				keep.name() + " (#" + keepId + ")"));
	}

	@Transactional(readOnly = true)
	public List<PartnerView> search(String text, int limit) {
		List<Partner> found = (text == null || text.isBlank()) ? this.partners.findAllByOrderByName(Limit.of(limit))
				: this.partners.search(containsPattern(text), Limit.of(limit));
		return found.stream().map(Partner::toView).toList();
	}

	/**
	 * The partners other than this one, by name, at most {@code limit}: what the merge
	 * form offers. One query, without loading each partner's contacts.
	 */
	@Transactional(readOnly = true)
	public List<PartnerChoice> othersThan(long id, int limit) {
		return this.jdbc.sql("""
				SELECT p.id, p.name,
				       coalesce((SELECT array_agg(d.domain ORDER BY d.domain) FROM partner_domain d
				                 WHERE d.partner_id = p.id), '{}') AS domains
				FROM partner p WHERE p.id <> ? ORDER BY p.name, p.id LIMIT ?""")
			.params(id, limit)
			.query((rs, row) -> new PartnerChoice(rs.getLong(1), rs.getString(2),
					List.of((String[]) rs.getArray(3).getArray())))
			.list();
	}

	/** The partner owning each of the domains that one owns (lower-case domain names). */
	@Transactional(readOnly = true)
	public Map<String, PartnerView> byDomains(Collection<String> domains) {
		Map<String, PartnerView> owners = new HashMap<>();
		List<String> all = List.copyOf(domains);
		for (int from = 0; from < all.size(); from += 1000) {
			for (Partner partner : this.partners.findByDomainIn(all.subList(from, Math.min(all.size(), from + 1000)))) {
				PartnerView view = partner.toView();
				view.domains().forEach(domain -> owners.putIfAbsent(domain, view));
			}
		}
		owners.keySet().retainAll(domains);
		return owners;
	}

	@Transactional(readOnly = true)
	public Optional<PartnerView> find(long id) {
		return this.partners.findById(id).map(Partner::toView);
	}

	@Transactional(readOnly = true)
	public PartnerView get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException(TARGET, id));
	}

	@Transactional
	public PartnerView create(PartnerCommand command) {
		Partner partner = new Partner(Instant.now(this.clock), CurrentUser.username());
		apply(partner, command);
		Partner saved = this.partners.saveAndFlush(partner);
		this.auditLog.record(AuditEntry.change("PARTNER_CREATED", TARGET, saved.id(), "name", null, saved.name()));
		return saved.toView();
	}

	/** Creates all the partners, or none of them. */
	@Transactional
	public int createAll(List<PartnerCommand> commands) {
		commands.forEach(this::create);
		return commands.size();
	}

	@Transactional
	public PartnerView update(long id, PartnerCommand command) {
		Partner partner = this.partners.findById(id).orElseThrow(() -> new NotFoundException(TARGET, id));
		if (command.version() == null) {
			throw OptimisticLock.conflict(partner);
		}
		OptimisticLock.expect(command.version(), partner);
		PartnerView before = partner.toView();
		apply(partner, command);
		partner.touched(Instant.now(this.clock), CurrentUser.username());
		Partner saved = this.partners.saveAndFlush(partner);
		PartnerView after = saved.toView();
		audit(id, "name", before.name(), after.name());
		audit(id, "nameKana", before.nameKana(), after.nameKana());
		audit(id, "notes", before.notes(), after.notes());
		audit(id, "domains", before.domains(), after.domains());
		audit(id, "contacts", before.contacts(), after.contacts());
		return after;
	}

	/**
	 * Adds a contact to a partner (a first-time caller, recorded with the report) and
	 * answers its id; audited as a change of the partner's contacts.
	 */
	@Transactional
	public long addContact(long partnerId, PartnerCommand.ContactCommand contact) {
		PartnerView partner = get(partnerId);
		List<PartnerCommand.ContactCommand> contacts = new ArrayList<>();
		partner.contacts()
			.forEach(existing -> contacts.add(new PartnerCommand.ContactCommand(existing.id(), existing.name(),
					existing.email(), existing.phone(), existing.role())));
		contacts.add(new PartnerCommand.ContactCommand(null, contact.name().strip(), Texts.blankToNull(contact.email()),
				Texts.blankToNull(contact.phone()), Texts.blankToNull(contact.role())));
		PartnerView after = update(partnerId, new PartnerCommand(partner.name(), partner.nameKana(), partner.notes(),
				partner.domains(), contacts, partner.version()));
		Set<Long> before = new HashSet<>();
		partner.contacts().forEach(existing -> before.add(existing.id()));
		return after.contacts()
			.stream()
			.map(PartnerView.Contact::id)
			.filter(id -> !before.contains(id))
			.findFirst()
			.orElseThrow();
	}

	private void apply(Partner partner, PartnerCommand command) {
		Set<String> domains = command.domains()
			.stream()
			.map(DomainName::normalise)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		partner.describe(command.name().trim(), Texts.blankToNull(command.nameKana()),
				Texts.blankToNull(command.notes()), domains);
		Map<Long, PartnerContact> existing = partner.contacts()
			.stream()
			.collect(Collectors.toMap(PartnerContact::id, Function.identity()));
		List<PartnerContact> kept = command.contacts().stream().map(contact -> {
			PartnerContact target = (contact.id() != null) ? existing.get(contact.id()) : null;
			if (target == null) {
				return new PartnerContact(contact.name().trim(), Texts.blankToNull(contact.email()),
						Texts.blankToNull(contact.phone()), Texts.blankToNull(contact.role()));
			}
			target.update(contact.name().trim(), Texts.blankToNull(contact.email()), Texts.blankToNull(contact.phone()),
					Texts.blankToNull(contact.role()));
			return target;
		}).toList();
		partner.contacts().clear();
		partner.contacts().addAll(kept);
	}

	private void audit(long id, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			this.auditLog.record(AuditEntry.change("PARTNER_UPDATED", TARGET, id, field, before, after));
		}
	}

	static String containsPattern(String text) {
		String escaped = text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	/**
	 * Every partner's name, mail domains and contact names, for recognising partners in
	 * mail (display names, look-alike domains). One query.
	 */
	@Transactional(readOnly = true)
	public List<PartnerNames> namesAndDomains() {
		return this.jdbc
			.sql("""
					SELECT p.name,
					       coalesce((SELECT array_agg(d.domain) FROM partner_domain d WHERE d.partner_id = p.id), '{}') AS domains,
					       coalesce((SELECT array_agg(c.name) FROM partner_contact c WHERE c.partner_id = p.id), '{}') AS contacts
					FROM partner p""")
			.query((rs, row) -> new PartnerNames(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()),
					List.of((String[]) rs.getArray(3).getArray())))
			.list();
	}

	/**
	 * A value that changes whenever a partner is added, changed or removed, so that a
	 * cache of {@link #namesAndDomains()} knows when to reload.
	 */
	@Transactional(readOnly = true)
	public String revision() {
		return this.jdbc.sql("SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM partner")
			.query(String.class)
			.single();
	}

	/**
	 * Those of the given addresses that belong to a registered partner: a contact's
	 * address, or an address in a partner's domain (or a subdomain of one) unless that is
	 * a free-mail domain, where anyone may have an address. One query.
	 */
	@Transactional(readOnly = true)
	public Set<String> partnerAddressesAmong(Collection<String> addresses, FreeMailDomains freeMail) {
		Set<String> lower = new LinkedHashSet<>();
		Set<String> domains = new LinkedHashSet<>();
		for (String address : addresses) {
			String candidate = address.toLowerCase(Locale.ROOT);
			lower.add(candidate);
			String domain = candidate.substring(candidate.lastIndexOf('@') + 1);
			for (int dot = -1; domain.indexOf('.', dot + 1) > 0; dot = domain.indexOf('.', dot + 1)) {
				domains.add(domain.substring(dot + 1));
			}
		}
		if (lower.isEmpty()) {
			return Set.of();
		}
		List<String> known = this.jdbc.sql("""
				SELECT 'D' || domain FROM partner_domain WHERE domain = ANY(?)
				UNION SELECT 'C' || lower(email) FROM partner_contact WHERE lower(email) = ANY(?)""")
			.params(domains.toArray(String[]::new), lower.toArray(String[]::new))
			.query(String.class)
			.list();
		Set<String> result = new LinkedHashSet<>();
		for (String address : lower) {
			String domain = address.substring(address.lastIndexOf('@') + 1);
			boolean contact = known.contains("C" + address);
			boolean inPartnerDomain = known.stream()
				.filter(value -> value.startsWith("D"))
				.map(value -> value.substring(1))
				.anyMatch(partner -> (domain.equals(partner) || domain.endsWith("." + partner))
						&& !freeMail.contains(partner));
			if (contact || inPartnerDomain) {
				result.add(address);
			}
		}
		return result;
	}

	/** A partner to choose from a list: its name and domains. */
	public record PartnerChoice(long id, String name, List<String> domains) {

	}

	/** A partner as mail analysis recognises it. */
	public record PartnerNames(String name, List<String> domains, List<String> contactNames) {

	}

}
