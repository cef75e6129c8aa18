package io.spoofdesk.mailanalysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * Takes a mail apart with Angus Mail, leniently: a broken part is reported in the
 * warnings and skipped, the rest is still read. Bounded by the part count and nesting
 * depth of {@link AnalysisLimits}.
 */
final class MimeReader {

	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Read by Angus Mail's decoders from system properties, not from the session.
		System.setProperty("mail.mime.base64.ignoreerrors", "true");
		System.setProperty("mail.mime.uudecode.ignoreerrors", "true");
		// Named, the stream provider is created directly; otherwise jakarta.mail looks it
		// up with a ServiceLoader class-path scan on every encode and decode.
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private static final Session SESSION = Session.getInstance(sessionProperties());

	/** Longer header values are read only this far, with a warning. */
	static final int MAX_HEADER_CHARS = 16 * 1024;

	private static final Pattern BASE_TYPE = Pattern.compile("^\\s*([\\w.+-]+/[\\w.+-]+)");

	private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");

	private final AnalysisLimits limits;

	private final Warnings warnings;

	private final ParsedMail mail = new ParsedMail();

	private int parts;

	private MimeReader(AnalysisLimits limits, Warnings warnings) {
		this.limits = limits;
		this.warnings = warnings;
	}

	static ParsedMail read(byte[] raw, AnalysisLimits limits, Warnings warnings) {
		MimeReader reader = new MimeReader(limits, warnings);
		try {
			MimeMessage message = new MimeMessage(SESSION, new SharedByteArrayInputStream(raw));
			reader.readHeaders(message);
			reader.walk(message, 0);
		}
		catch (MessagingException | RuntimeException ex) {
			warnings.add("the MIME structure could not be read completely: " + ex.getMessage());
		}
		return reader.mail;
	}

	private static Properties sessionProperties() {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.allowutf8", "true");
		properties.setProperty("mail.mime.base64.ignoreerrors", "true");
		properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
		properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
		properties.setProperty("mail.mime.multipart.allowempty", "true");
		properties.setProperty("mail.mime.parameters.strict", "false");
		properties.setProperty("mail.mime.decodeparameters", "true");
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.uudecode.ignoreerrors", "true");
		return properties;
	}

	private void readHeaders(MimeMessage message) throws MessagingException {
		Enumeration<Header> headers = message.getAllHeaders();
		while (headers.hasMoreElements()) {
			Header header = headers.nextElement();
			String value = header.getValue();
			if (value != null && value.length() > MAX_HEADER_CHARS) {
				this.warnings.add("the " + header.getName() + " header is longer than " + MAX_HEADER_CHARS
						+ " characters: only its beginning was read");
				value = value.substring(0, MAX_HEADER_CHARS);
			}
			this.mail.headers.add(new ParsedMail.HeaderField(header.getName(), MimeUtility.unfold(value)));
		}
	}

	private void walk(Part part, int depth) {
		if (++this.parts > this.limits.maxParts()) {
			this.warnings.add("more than " + this.limits.maxParts() + " MIME parts: the rest were not read");
			return;
		}
		if (depth > this.limits.maxDepth()) {
			this.warnings.add("MIME parts nested deeper than " + this.limits.maxDepth() + ": not read");
			return;
		}
		PartType partType = typeOf(contentTypeOf(part));
		String type = partType.base();
		try {
			if (type.startsWith("multipart/")) {
				walkMultipart(part, depth);
			}
			else if (type.equals("message/rfc822")) {
				this.mail.attachedMails.add(read(part));
				addAttachment(part, "attached-message.eml", "message/rfc822");
			}
			else if (isAttachment(part, type)) {
				addAttachment(part, null, type);
			}
			else if (type.equals("text/html")) {
				this.mail.htmls.add(Charsets.decode(read(part), partType.charset(), this.warnings));
			}
			else {
				this.mail.texts.add(Charsets.decode(read(part), partType.charset(), this.warnings));
			}
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			this.warnings.add("a " + type + " part could not be read: " + ex.getMessage());
		}
	}

	private void walkMultipart(Part part, int depth) throws MessagingException {
		MimeMultipart multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
		int count = multipart.getCount();
		if (count == 0) {
			this.warnings.add("an empty multipart");
		}
		if (!multipart.isComplete()) {
			this.warnings.add("a multipart without its closing boundary (truncated mail?)");
		}
		for (int i = 0; i < count && this.parts <= this.limits.maxParts(); i++) {
			walk(multipart.getBodyPart(i), depth + 1);
		}
	}

	private void addAttachment(Part part, String fallbackName, String type) throws MessagingException, IOException {
		String name = fileName(part);
		this.mail.attachments.add(new ParsedMail.RawAttachment(name != null ? name : fallbackName, type, read(part)));
	}

	private boolean isAttachment(Part part, String type) {
		if (isAttachmentDisposition(part) || fileName(part) != null) {
			return true;
		}
		return !type.startsWith("text/");
	}

	private static boolean isAttachmentDisposition(Part part) {
		try {
			return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
		}
		catch (MessagingException | RuntimeException ex) {
			return false;
		}
	}

	private String fileName(Part part) {
		try {
			String name = part.getFileName();
			if (name != null && name.contains("=?")) {
				name = MimeUtility.decodeText(name);
			}
			name = Charsets.withoutNul(name);
			if (name == null || name.isBlank()) {
				return null;
			}
			return name.strip();
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			this.warnings.add("an attachment name could not be decoded: " + ex.getMessage());
			return null;
		}
	}

	/**
	 * The part's content with its transfer encoding undone, at most the mail cap. Broken
	 * base64 is decoded leniently (characters outside the alphabet skipped).
	 */
	private byte[] read(Part part) throws MessagingException, IOException {
		if (part instanceof MimeBodyPart body && "base64".equalsIgnoreCase(body.getEncoding())) {
			byte[] encoded;
			try (InputStream in = body.getRawInputStream()) {
				encoded = in.readNBytes(capOf());
			}
			try {
				return Base64.getMimeDecoder().decode(encoded);
			}
			catch (IllegalArgumentException ex) {
				this.warnings.add("broken base64 in a part, decoded leniently");
				return Base64.getMimeDecoder().decode(base64Characters(encoded));
			}
		}
		return readDecoded(part);
	}

	/** Only the characters of the base64 alphabet, cut to whole 4-character groups. */
	private static byte[] base64Characters(byte[] encoded) {
		int kept = 0;
		byte[] clean = new byte[encoded.length];
		for (byte b : encoded) {
			if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/') {
				clean[kept++] = b;
			}
		}
		return Arrays.copyOf(clean, kept - kept % 4);
	}

	private int capOf() {
		return (int) Math.min(this.limits.maxMailBytes(), Integer.MAX_VALUE - 16);
	}

	private byte[] readDecoded(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			long cap = Math.min(this.limits.maxMailBytes(), Integer.MAX_VALUE - 16);
			byte[] bytes = in.readNBytes((int) cap + 1);
			if (bytes.length > cap) {
				this.warnings.add("a part larger than the mail size cap was cut");
				return Arrays.copyOf(bytes, (int) cap);
			}
			return bytes;
		}
	}

	private String contentTypeOf(Part part) {
		try {
			String type = part.getContentType();
			return type == null ? "text/plain" : type;
		}
		catch (MessagingException | RuntimeException ex) {
			this.warnings.add("an unreadable Content-Type, read as text/plain");
			return "text/plain";
		}
	}

	/** The base type and charset, read leniently when the header does not parse. */
	private PartType typeOf(String rawType) {
		try {
			ContentType parsed = new ContentType(rawType);
			return new PartType(parsed.getBaseType().toLowerCase(Locale.ROOT), parsed.getParameter("charset"));
		}
		catch (ParseException | RuntimeException ex) {
			Matcher charset = CHARSET.matcher(rawType);
			String charsetName = charset.find() ? charset.group(1) : null;
			Matcher base = BASE_TYPE.matcher(rawType);
			if (base.find()) {
				return new PartType(base.group(1).toLowerCase(Locale.ROOT), charsetName);
			}
			this.warnings.add("an unreadable Content-Type '" + rawType + "', read as text/plain");
			return new PartType("text/plain", charsetName);
		}
	}

	private record PartType(String base, String charset) {

	}

}
