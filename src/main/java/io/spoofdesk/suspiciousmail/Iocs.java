package io.spoofdesk.suspiciousmail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.spoofdesk.mailanalysis.MailAddresses;
import io.spoofdesk.mailanalysis.MailAnalysis;
import io.spoofdesk.mailanalysis.Urls;
import io.spoofdesk.partner.FreeMailDomains;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.settings.CompanyIdentityService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indicators of compromise taken from an analysis and stored per incident, looked up by
 * value ("seen in 3 other incidents") and listed for export. They name the attacker, not
 * the victims: our own domains, our relays' and private addresses, and partners'
 * registered domains and contacts (forged in From, never sent by them) are left out.
 */
@Component
class Iocs {

	private final JdbcClient jdbc;

	private final CompanyIdentityService identities;

	private final PartnerDirectory partners;

	private final FreeMailDomains freeMail;

	Iocs(JdbcClient jdbc, CompanyIdentityService identities, PartnerDirectory partners, FreeMailDomains freeMail) {
		this.jdbc = jdbc;
		this.identities = identities;
		this.partners = partners;
		this.freeMail = freeMail;
	}

	void record(long mailId, long incidentId, MailAnalysis analysis, Instant now) {
		Instant seen = analysis.arrivedAt();
		Timestamp seenAt = Timestamp.from((seen != null) ? seen : now);
		for (Ioc ioc : extract(analysis)) {
			this.jdbc.sql("""
					INSERT INTO mail_ioc (incident_mail_id, incident_id, kind, value, verified, seen_at)
					VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(mailId, incidentId, ioc.kind().name(), ioc.value(), ioc.verified(), seenAt)
				.update();
		}
	}

	/** The IOCs of one analysis, each once (verified wins over unverified). */
	List<Ioc> extract(MailAnalysis analysis) {
		Map<String, Ioc> found = new LinkedHashMap<>();
		List<String> senders = new ArrayList<>();
		if (analysis.from() != null && analysis.from().address() != null) {
			senders.add(analysis.from().address());
		}
		if (analysis.replyTo() != null) {
			senders.add(analysis.replyTo());
		}
		if (analysis.returnPath() != null) {
			senders.add(analysis.returnPath());
		}
		List<String> hosts = analysis.urls()
			.stream()
			.map(url -> "x@" + Urls.host(url).toLowerCase(Locale.ROOT))
			.toList();
		List<String> candidates = new ArrayList<>(senders);
		candidates.addAll(hosts);
		Set<String> partnerOwned = this.partners.partnerAddressesAmong(
				candidates.stream().filter(address -> MailAddresses.domainOf(address) != null).toList(), this.freeMail);
		for (String sender : senders) {
			if (!partnerOwned.contains(sender.toLowerCase(Locale.ROOT))) {
				addSender(found, sender);
			}
		}
		for (String url : analysis.urls()) {
			add(found, IocKind.URL, url, true);
			String host = Urls.host(url).toLowerCase(Locale.ROOT);
			if (!host.isEmpty() && !isOurs(host) && !partnerOwned.contains("x@" + host)) {
				add(found, IocKind.DOMAIN, host, true);
			}
		}
		List<MailAnalysis.Hop> hops = analysis.received();
		int handover = -1; // the lowest trusted hop: where an outside host handed the
							// mail over
		for (int i = 0; i < hops.size(); i++) {
			handover = hops.get(i).trusted() ? i : handover;
		}
		for (int i = 0; i < hops.size(); i++) {
			MailAnalysis.Hop hop = hops.get(i);
			boolean ourRelay = i < handover && isOurHost(hop.from());
			if (hop.ip() != null && !isPrivate(hop.ip()) && !ourRelay) {
				add(found, IocKind.IP, hop.ip(), hop.trusted());
			}
		}
		for (MailAnalysis.Attachment attachment : analysis.attachments()) {
			add(found, IocKind.FILE_SHA256, attachment.sha256(), true);
			if (attachment.filename() != null) {
				add(found, IocKind.FILE_NAME, attachment.filename(), true);
			}
		}
		return new ArrayList<>(found.values());
	}

	private void addSender(Map<String, Ioc> found, String address) {
		String domain = MailAddresses.domainOf(address);
		if (domain == null || isOurs(domain)) {
			return;
		}
		add(found, IocKind.EMAIL, address.toLowerCase(Locale.ROOT), true);
		add(found, IocKind.DOMAIN, domain, true);
	}

	/**
	 * One of our own receiving hosts, above the handover (its name is trustworthy there;
	 * on the handover hop it is whatever the sender said).
	 */
	private boolean isOurHost(String from) {
		String host = (from != null) ? from.toLowerCase(Locale.ROOT) : null;
		return host != null && host.indexOf('.') > 0 && (isOurs(host)
				|| this.identities.current().receivingServers().stream().anyMatch(host::equalsIgnoreCase));
	}

	private boolean isOurs(String domain) {
		return this.identities.current().isOurDomain(domain);
	}

	private static void add(Map<String, Ioc> found, IocKind kind, String value, boolean verified) {
		if (value == null || value.isBlank() || value.length() > 2000) {
			return;
		}
		String key = kind + "\u0000" + value;
		Ioc existing = found.get(key);
		if (existing == null || (!existing.verified() && verified)) {
			found.put(key, new Ioc(kind, value, verified));
		}
	}

	static boolean isPrivate(String ip) {
		return ip.startsWith("10.") || ip.startsWith("127.") || ip.startsWith("192.168.")
				|| ip.matches("^172\\.(1[6-9]|2\\d|3[01])\\..*") || ip.equals("::1")
				|| ip.toLowerCase(Locale.ROOT).startsWith("fe80:") || ip.toLowerCase(Locale.ROOT).startsWith("fc")
				|| ip.toLowerCase(Locale.ROOT).startsWith("fd");
	}

	/** Every incident an IOC appears in, newest first. */
	List<Sighting> sightings(IocKind kind, String value) {
		return this.jdbc
			.sql("""
					SELECT i.id, i.reference, i.title, i.status, min(o.seen_at) AS first_seen, bool_or(o.verified) AS verified
					FROM mail_ioc o JOIN incident i ON i.id = o.incident_id
					WHERE o.kind = ? AND md5(o.value) = md5(?) AND o.value = ?
					GROUP BY i.id, i.reference, i.title, i.status
					ORDER BY first_seen DESC LIMIT 200""")
			.params(kind.name(), value, value)
			.query((rs, row) -> new Sighting(rs.getLong("id"), rs.getString("reference"), rs.getString("title"),
					rs.getString("status"), rs.getTimestamp("first_seen").toInstant(), rs.getBoolean("verified")))
			.list();
	}

	/** For each IOC of an incident, in how many other incidents it also appears. */
	Map<String, Integer> otherIncidentCounts(long incidentId) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT o.kind, o.value,
				       (SELECT count(DISTINCT x.incident_id) FROM mail_ioc x
				        WHERE x.kind = o.kind AND md5(x.value) = md5(o.value) AND x.value = o.value
				          AND x.incident_id <> o.incident_id) AS others
				FROM (SELECT DISTINCT kind, value, incident_id FROM mail_ioc WHERE incident_id = ?) o""")
			.param(incidentId)
			.query((rs, row) -> counts.put(rs.getString("kind") + ":" + rs.getString("value"), rs.getInt("others")))
			.list();
		return counts;
	}

	/** The IOCs of one incident, or of every incident in a period, for export. */
	List<ExportRow> forExport(Long incidentId, Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT o.kind, o.value, bool_or(o.verified) AS verified, min(o.seen_at) AS first_seen,
				       max(o.seen_at) AS last_seen, string_agg(DISTINCT i.reference, ' ' ORDER BY i.reference) AS refs
				FROM mail_ioc o JOIN incident i ON i.id = o.incident_id
				WHERE (CAST(? AS BIGINT) IS NULL OR o.incident_id = ?)
				  AND (CAST(? AS TIMESTAMPTZ) IS NULL OR o.seen_at >= ?)
				  AND (CAST(? AS TIMESTAMPTZ) IS NULL OR o.seen_at < ?)
				GROUP BY o.kind, o.value
				ORDER BY o.kind, o.value LIMIT 100000""")
			.params(incidentId, incidentId, ts(from), ts(from), ts(to), ts(to))
			.query((rs, row) -> new ExportRow(IocKind.valueOf(rs.getString("kind")), rs.getString("value"),
					rs.getBoolean("verified"), rs.getTimestamp("first_seen").toInstant(),
					rs.getTimestamp("last_seen").toInstant(), rs.getString("refs")))
			.list();
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	record Ioc(IocKind kind, String value, boolean verified) {

	}

	record Sighting(long incidentId, String reference, String title, String status, Instant firstSeen,
			boolean verified) {

	}

	record ExportRow(IocKind kind, String value, boolean verified, Instant firstSeen, Instant lastSeen,
			String references) {

	}

}
