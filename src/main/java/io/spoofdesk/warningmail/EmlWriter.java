package io.spoofdesk.warningmail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Builds a warning mail as a standards-correct message, only through the mail library's
 * message API: encoded words for Japanese subjects and names, ISO-2022-JP when the text
 * fits it (the charset Japanese business mail expects) and UTF-8 otherwise, a Date and a
 * Message-ID in our own domain. Subjects and names may come from attackers' mails, so a
 * CR or LF in any header value is refused rather than cleaned.
 */
public final class EmlWriter {

	static {
		// Named, the stream provider is created directly; otherwise jakarta.mail looks it
		// up with a ServiceLoader class-path scan for every encoded header and body.
		if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
			System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private static final Session SESSION = Session.getInstance(new Properties());

	private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");

	private EmlWriter() {
	}

	/** One mail to write. */
	public record Mail(Address from, List<Address> to, List<Address> cc, String subject, String body,
			ZonedDateTime date, String messageIdDomain) {

	}

	/** An address with an optional display name. */
	public record Address(String email, String name) {

	}

	/** The message, ready to save as {@code .eml} or hand to an SMTP client. */
	public static MimeMessage message(Mail mail) {
		requireSingleLine("subject", mail.subject());
		String charset = charsetFor(mail.subject(), mail.body(), mail.from().name(),
				String.join("", mail.to().stream().map(Address::name).filter(n -> n != null).toList()),
				String.join("", mail.cc().stream().map(Address::name).filter(n -> n != null).toList()));
		try {
			MimeMessage message = new IdentifiedMessage(SESSION, mail.messageIdDomain());
			message.setFrom(address(mail.from(), charset));
			for (Address to : mail.to()) {
				message.addRecipient(Message.RecipientType.TO, address(to, charset));
			}
			for (Address cc : mail.cc()) {
				message.addRecipient(Message.RecipientType.CC, address(cc, charset));
			}
			message.setSubject(mail.subject(), charset);
			String text = normalisedBody(mail.body());
			message.setText(text, charset);
			if ("ISO-2022-JP".equals(charset) && text.lines().allMatch(line -> line.length() <= 300)) {
				// what Japanese mail clients expect: the JIS bytes as they are (all
				// 7-bit)
				message.setHeader("Content-Transfer-Encoding", "7bit");
			}
			// in the company's time zone (setSentDate would use the server's)
			message.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(mail.date()));
			message.saveChanges();
			return message;
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new IllegalArgumentException("Cannot build the mail: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The message as {@code .eml} bytes to open in a mail client and send from there:
	 * marked {@code X-Unsent: 1}, so Outlook opens it as a draft with a Send button.
	 */
	public static byte[] eml(Mail mail) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
			MimeMessage message = message(mail);
			message.setHeader("X-Unsent", "1");
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** ISO-2022-JP when every text fits it exactly, else UTF-8. */
	static String charsetFor(String... texts) {
		for (String text : texts) {
			if (text != null && !ISO_2022_JP.newEncoder().canEncode(text)) {
				return "UTF-8";
			}
		}
		return "ISO-2022-JP";
	}

	static void requireSingleLine(String what, String value) {
		if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
			throw new IllegalArgumentException(what + " must not contain CR or LF");
		}
	}

	private static InternetAddress address(Address address, String charset)
			throws AddressException, UnsupportedEncodingException {
		requireSingleLine("address", address.email());
		requireSingleLine("name", address.name());
		InternetAddress parsed = new InternetAddress(address.email(), true);
		if (parsed.getPersonal() != null || !parsed.getAddress().equals(address.email().strip())) {
			throw new AddressException("Not a bare address", address.email());
		}
		return (address.name() != null && !address.name().isBlank())
				? new InternetAddress(parsed.getAddress(), address.name().strip(), charset) : parsed;
	}

	/** Line ends as CRLF on the wire: normalise whatever the editor sent. */
	private static String normalisedBody(String body) {
		return (body != null) ? body.replace("\r\n", "\n").replace('\r', '\n') : "";
	}

	/** A message whose Message-ID names our domain instead of the local host. */
	private static final class IdentifiedMessage extends MimeMessage {

		private final String domain;

		IdentifiedMessage(Session session, String domain) {
			super(session);
			this.domain = (domain != null && domain.matches("[A-Za-z0-9.-]{1,253}")) ? domain : "spoofdesk.invalid";
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + this.domain + ">");
		}

	}

}
