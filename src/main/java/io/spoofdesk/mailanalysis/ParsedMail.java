package io.spoofdesk.mailanalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One mail taken apart by {@link MimeReader}: its header fields in order (unfolded, still
 * encoded), the decoded text and HTML bodies, the attachments and any attached mails.
 */
final class ParsedMail {

	final List<HeaderField> headers = new ArrayList<>();

	final List<String> texts = new ArrayList<>();

	final List<String> htmls = new ArrayList<>();

	final List<RawAttachment> attachments = new ArrayList<>();

	final List<byte[]> attachedMails = new ArrayList<>();

	/** The first value of a header field, or null. */
	String header(String name) {
		for (HeaderField field : this.headers) {
			if (field.name().equalsIgnoreCase(name)) {
				return field.value();
			}
		}
		return null;
	}

	/** Every value of a header field, top to bottom. */
	List<String> headers(String name) {
		List<String> values = new ArrayList<>();
		for (HeaderField field : this.headers) {
			if (field.name().equalsIgnoreCase(name)) {
				values.add(field.value());
			}
		}
		return values;
	}

	boolean hasHeader(String name) {
		return header(name) != null;
	}

	record HeaderField(String name, String value) {

		String lowerName() {
			return this.name.toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * An attachment's decoded bytes ({@code truncated} when over the mail's size cap).
	 */
	record RawAttachment(String filename, String contentType, byte[] bytes) {

	}

}
