package io.spoofdesk.mailanalysis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the engine found in one mail, in the shape of DESIGN.md's analysis record. When
 * the mail was a partner's forward wrapping the suspicious mail, every field describes
 * the inner mail and {@code forwardedBy} the forwarder.
 */
public record MailAnalysis(String sha256, long size, Sender from, String replyTo, String returnPath, List<String> to,
		String subject, String date, String messageId, List<Hop> received, Authentication authentication,
		String textBody, List<String> urls, List<Attachment> attachments, List<Indicator> indicators, Verdict verdict,
		Triage triage, Forward forwardedBy, List<String> warnings) {

	/**
	 * When the mail arrived: the date of its newest Received hop that has one, else its
	 * Date header; null when it has neither.
	 */
	public Instant arrivedAt() {
		String when = this.received.stream()
			.filter(hop -> hop.date() != null)
			.map(Hop::date)
			.findFirst()
			.orElse(this.date);
		return (when != null) ? OffsetDateTime.parse(when).toInstant() : null;
	}

	public enum Verdict {

		SUSPICIOUS, NO_INDICATORS

	}

	/** The From header: the address and the display name shown to the reader. */
	public record Sender(String address, String display) {

		public String domain() {
			return MailAddresses.domainOf(this.address);
		}

	}

	/**
	 * One Received header. {@code trusted} is false below the hop where a host outside
	 * the receiving domain handed the mail over: those lines could be forged by the
	 * sender.
	 */
	public record Hop(String from, String by, String ip, String date, boolean trusted) {

	}

	/**
	 * SPF, DKIM and DMARC results from the one Authentication-Results header that counts
	 * (see DESIGN.md, trust); {@code unverified} lists the others, shown but never used.
	 */
	public record Authentication(String authservId, String spf, String dkim, String dmarc, boolean trusted,
			List<String> unverified) {

		public static Authentication none() {
			return new Authentication(null, "none", "none", "none", false, List.of());
		}

	}

	/** One attachment of the analysed mail, with what was found in it. */
	public record Attachment(String filename, String contentType, long size, String sha256, List<IndicatorCode> flags,
			List<String> entries) {

	}

	public record Indicator(IndicatorCode code, IndicatorSeverity severity, Text reason) {

	}

	/** The partner who forwarded the suspicious mail to us. */
	public record Forward(String address, String display, String subject, String date) {

	}

	/**
	 * "Whose mailbox leaked?" (DESIGN.md, Triage): a hint with the summary and the
	 * evidence lines it rests on, from the trusted part of the headers and the text.
	 */
	public record Triage(TriageHint hint, Text summary, List<Text> evidence, boolean usesOurName) {

	}

	/** DESIGN.md's triage hints, in the order their rules are tried. */
	public enum TriageHint {

		/** Our domain authenticated, handed over by our sending hosts: ours sends it. */
		OUR_SYSTEMS_LIKELY_INFECTED,
		/**
		 * Quotes an earlier mail with us and was sent from elsewhere: our mailbox or the
		 * correspondent's leaked.
		 */
		CONVERSATION_STOLEN,
		/**
		 * Shows our name or address, sent from elsewhere: anyone with our address may be
		 * infected.
		 */
		OUR_NAME_FORGED,
		/** Shows a partner's name or address, suspicious, sent from elsewhere. */
		PARTNER_IMPERSONATED,
		/** Our name or a partner's is used, but the route is unknown. */
		INCONCLUSIVE,
		/** None of the above. */
		NOT_ABOUT_US;

		/** Whether the hint comes with a suggested playbook on the incident page. */
		public boolean suggestsPlaybook() {
			return this != INCONCLUSIVE && this != NOT_ABOUT_US;
		}

	}

}
