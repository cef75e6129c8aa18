package io.spoofdesk.mailbox;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

/**
 * The few top-level headers the mailbox decides by: who sent the mail that arrived, its
 * Message-ID, what it answers (In-Reply-To, References), its subject, and whether it was
 * sent by a machine (Auto-Submitted, Precedence), which is never answered.
 */
record MailHeaders(String from, String messageId, List<String> referenced, String subject, boolean automatic) {

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,500}>");

	private static final int MAX_REFERENCES = 50;

	static MailHeaders of(byte[] raw) throws MessagingException {
		InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
		String from = first(headers, "From");
		String address = null;
		if (from != null) {
			try {
				InternetAddress[] parsed = InternetAddress.parseHeader(from, false);
				if (parsed.length > 0 && parsed[0].getAddress() != null) {
					address = parsed[0].getAddress().strip().toLowerCase(Locale.ROOT);
				}
			}
			catch (AddressException ex) {
				address = null;
			}
		}
		Set<String> referenced = new LinkedHashSet<>();
		for (String name : List.of("In-Reply-To", "References")) {
			String value = first(headers, name);
			if (value != null) {
				Matcher matcher = MESSAGE_ID.matcher(value);
				while (matcher.find() && referenced.size() < MAX_REFERENCES) {
					referenced.add(matcher.group());
				}
			}
		}
		String messageId = first(headers, "Message-ID");
		Matcher id = (messageId != null) ? MESSAGE_ID.matcher(messageId) : null;
		String autoSubmitted = first(headers, "Auto-Submitted");
		String precedence = first(headers, "Precedence");
		boolean automatic = (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no"))
				|| (precedence != null
						&& List.of("bulk", "junk", "list").contains(precedence.strip().toLowerCase(Locale.ROOT)))
				|| first(headers, "X-Autoreply") != null || first(headers, "X-Autorespond") != null;
		return new MailHeaders(address, (id != null && id.find()) ? id.group() : null, new ArrayList<>(referenced),
				decoded(first(headers, "Subject")), automatic);
	}

	private static String first(InternetHeaders headers, String name) {
		String value = headers.getHeader(name, null);
		return (value != null) ? value.replaceAll("\\r?\\n[ \\t]*", " ").strip() : null;
	}

	private static String decoded(String subject) {
		if (subject == null) {
			return null;
		}
		try {
			return MimeUtility.decodeText(subject);
		}
		catch (UnsupportedEncodingException | RuntimeException ex) {
			return subject;
		}
	}

}
