package io.spoofdesk.mailanalysis;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Received headers as a path, top (last receiving server) first. Hops count as
 * trusted from the top down to the first hop handed over by a host outside the receiving
 * servers' domain; everything below could have been written by the sender.
 */
final class ReceivedPath {

	private static final Pattern FROM = Pattern.compile("(?i)\\bfrom\\s+([^\\s;()]+)");

	private static final Pattern BY = Pattern.compile("(?i)\\bby\\s+([^\\s;()]+)");

	private static final Pattern IP = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:.]{3,45})\\]");

	private static final Pattern BARE_IP = Pattern.compile("\\((?:[^()\\[]*\\s)?(\\d{1,3}(?:\\.\\d{1,3}){3})\\)");

	private static final Pattern BY_WORD = Pattern.compile("(?i)\\bby\\s");

	private static final Pattern REVERSE_NAME = Pattern.compile("\\(([a-zA-Z0-9.-]+\\.[a-zA-Z]{2,})\\s*\\[");

	private final List<Hop> hops;

	private final int handoverIndex;

	private ReceivedPath(List<Hop> hops, int handoverIndex) {
		this.hops = hops;
		this.handoverIndex = handoverIndex;
	}

	/**
	 * Reads the path; {@code receivingServers} (ours, from settings) decide where our
	 * side ends. When none of them appears, the domain of the topmost receiving host is
	 * taken as the receiving side (a partner's server, for a forwarded copy).
	 */
	static ReceivedPath of(List<String> receivedHeaders, List<String> receivingServers) {
		List<Hop> hops = new ArrayList<>();
		for (String header : receivedHeaders) {
			hops.add(parse(header));
		}
		String receivingDomain = receivingDomain(hops, receivingServers);
		int handover = -1;
		for (int i = 0; i < hops.size(); i++) {
			Hop hop = hops.get(i);
			boolean byUs = hop.by() != null && receivingDomain != null
					&& MailAddresses.sameOrganisation(hop.by(), receivingDomain);
			if (!byUs) {
				break;
			}
			String fromHost = hop.reverseName() != null ? hop.reverseName() : hop.from();
			boolean fromUs = fromHost != null && MailAddresses.sameOrganisation(fromHost, receivingDomain);
			if (!fromUs) {
				handover = i;
				break;
			}
		}
		return new ReceivedPath(hops, handover);
	}

	private static String receivingDomain(List<Hop> hops, List<String> receivingServers) {
		for (Hop hop : hops) {
			if (hop.by() != null && receivingServers.contains(hop.by())) {
				return hop.by();
			}
		}
		return hops.isEmpty() ? null : hops.get(0).by();
	}

	static Hop parse(String header) {
		int semicolon = header.lastIndexOf(';');
		String route = semicolon >= 0 ? header.substring(0, semicolon) : header;
		OffsetDateTime date = semicolon >= 0 ? HeaderValues.date(header.substring(semicolon + 1)) : null;
		Matcher byWord = BY_WORD.matcher(route);
		int byAt = byWord.find() ? byWord.start() : -1;
		String fromPart = byAt >= 0 ? route.substring(0, byAt) : route;
		String from = group(FROM, fromPart);
		String by = group(BY, route);
		String ip = group(IP, fromPart);
		if (ip == null) {
			ip = group(BARE_IP, fromPart);
		}
		String reverse = group(REVERSE_NAME, fromPart);
		return new Hop(lower(from), lower(by), ip, lower(reverse), date);
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String lower(String value) {
		return value == null ? null : value.toLowerCase(Locale.ROOT);
	}

	List<MailAnalysis.Hop> toAnalysis() {
		List<MailAnalysis.Hop> result = new ArrayList<>();
		for (int i = 0; i < this.hops.size(); i++) {
			Hop hop = this.hops.get(i);
			result.add(new MailAnalysis.Hop(hop.from(), hop.by(), hop.ip(),
					hop.date() == null ? null : hop.date().toString(), isTrusted(i)));
		}
		return result;
	}

	boolean isTrusted(int index) {
		return this.handoverIndex >= 0 && index <= this.handoverIndex;
	}

	/** The hop where an outside host handed the mail to the receiving side, or null. */
	Hop handover() {
		return this.handoverIndex >= 0 ? this.hops.get(this.handoverIndex) : null;
	}

	boolean isEmpty() {
		return this.hops.isEmpty();
	}

	/** When the receiving side got the mail (the topmost dated hop), or null. */
	OffsetDateTime arrival() {
		for (Hop hop : this.hops) {
			if (hop.date() != null) {
				return hop.date();
			}
		}
		return null;
	}

	record Hop(String from, String by, String ip, String reverseName, OffsetDateTime date) {

	}

}
