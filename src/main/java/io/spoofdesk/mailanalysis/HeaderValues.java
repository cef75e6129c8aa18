package io.spoofdesk.mailanalysis;

import java.io.UnsupportedEncodingException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;

/**
 * Header values as a reader sees them: encoded words decoded (ISO-2022-JP and others),
 * addresses parsed leniently, dates read in the forms real mailers write.
 */
final class HeaderValues {

	private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2})(\\d{2})\\b");

	/**
	 * One encoded word, wherever it stands (also inside a word, as mail clients accept).
	 */
	private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]{1,40}\\?[bBqQ]\\?[^?\\s]*\\?=");

	private HeaderValues() {
	}

	/** Encoded words decoded; the raw text when they cannot be. */
	static String text(String raw) {
		if (raw == null) {
			return null;
		}
		String value = raw.strip();
		if (!value.contains("=?")) {
			return value;
		}
		String decoded;
		try {
			decoded = MimeUtility.decodeText(value);
		}
		catch (UnsupportedEncodingException | RuntimeException ex) {
			decoded = value;
		}
		return Charsets.withoutNul(decodeWordsInsideWords(decoded));
	}

	/**
	 * Encoded words that strict decoding leaves alone because they touch other text
	 * ({@code opportunit=?UTF-8?B?w6k=?=}): decoded one by one, as common clients do.
	 */
	static String decodeWordsInsideWords(String text) {
		if (text == null || !text.contains("=?")) {
			return text;
		}
		Matcher matcher = ENCODED_WORD.matcher(text);
		StringBuilder result = new StringBuilder();
		int last = 0;
		while (matcher.find()) {
			result.append(text, last, matcher.start());
			try {
				result.append(MimeUtility.decodeWord(matcher.group()));
			}
			catch (jakarta.mail.internet.ParseException | UnsupportedEncodingException | RuntimeException ex) {
				result.append(matcher.group());
			}
			last = matcher.end();
		}
		return result.append(text, last, text.length()).toString();
	}

	/** The first address of an address header, or null. */
	static MailAnalysis.Sender sender(String raw, Warnings warnings) {
		List<MailAnalysis.Sender> all = addresses(raw, warnings);
		return all.isEmpty() ? null : all.get(0);
	}

	static List<MailAnalysis.Sender> addresses(String raw, Warnings warnings) {
		List<MailAnalysis.Sender> result = new ArrayList<>();
		if (raw == null || raw.isBlank()) {
			return result;
		}
		try {
			for (InternetAddress address : InternetAddress.parseHeader(raw, false)) {
				String display = address.getPersonal();
				String shown = clean(unquoted(address.getAddress()));
				if (shown == null && display == null) {
					continue;
				}
				if (shown != null && shown.indexOf('<') >= 0) {
					// lenient parsing took "Name <a@b" (never closed) for one address
					MailAnalysis.Sender lenient = unclosed(shown);
					if (lenient != null) {
						result.add(lenient);
						continue;
					}
				}
				result.add(new MailAnalysis.Sender(shown,
						(display == null) ? null : Charsets.withoutNul(decodeWordsInsideWords(display)).strip()));
			}
		}
		catch (AddressException | RuntimeException ex) {
			warnings.add("an address header could not be parsed: " + raw);
			MailAnalysis.Sender lenient = unclosed(raw);
			if (lenient != null) {
				result.add(lenient);
			}
		}
		return result;
	}

	/**
	 * What a mail client shows for a header it cannot parse strictly: {@code Name <a@b}
	 * (the bracket never closed) as name and address, else the first address in it.
	 */
	private static MailAnalysis.Sender unclosed(String raw) {
		int open = raw.indexOf('<');
		if (open >= 0 && raw.indexOf('>', open) < 0) {
			String address = MailAddresses.firstAddressIn(raw.substring(open + 1));
			if (address != null) {
				String display = text(raw.substring(0, open)).strip();
				if (display.length() >= 2 && display.startsWith("\"") && display.endsWith("\"")) {
					display = display.substring(1, display.length() - 1).strip();
				}
				return new MailAnalysis.Sender(address, display.isEmpty() ? null : display);
			}
		}
		String address = MailAddresses.firstAddressIn(raw);
		return (address != null) ? new MailAnalysis.Sender(address, null) : null;
	}

	/**
	 * {@code "streaming@netflix.de"} given as the whole From: an address in quotes, which
	 * mail clients show as that address.
	 */
	private static String unquoted(String address) {
		if (address != null && address.length() > 2 && address.startsWith("\"") && address.endsWith("\"")
				&& address.indexOf('@') > 0) {
			String inner = address.substring(1, address.length() - 1).strip();
			return inner.equals(MailAddresses.firstAddressIn(inner)) ? inner : address;
		}
		return address;
	}

	/** The address inside a Return-Path ({@code <a@b>}), or null for {@code <>}. */
	static String pathAddress(String raw) {
		if (raw == null) {
			return null;
		}
		String value = raw.strip();
		if (value.startsWith("<") && value.endsWith(">")) {
			value = value.substring(1, value.length() - 1).strip();
		}
		return value.isEmpty() ? null : clean(value);
	}

	/**
	 * An address as stored: stripped, and null when there is none ({@code ""},
	 * {@code <>}).
	 */
	private static String clean(String address) {
		if (address == null) {
			return null;
		}
		String stripped = address.strip();
		return (stripped.isEmpty() || stripped.equals("\"\"") || stripped.equals("<>")) ? null : stripped;
	}

	/** A mail date as ISO-8601 with its offset, or null when it cannot be read. */
	static OffsetDateTime date(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			Date parsed = new MailDateFormat().parse(raw.strip());
			if (parsed == null) {
				return null;
			}
			return OffsetDateTime.ofInstant(parsed.toInstant(), offsetOf(raw));
		}
		catch (java.text.ParseException | RuntimeException ex) {
			return null;
		}
	}

	private static ZoneOffset offsetOf(String raw) {
		Matcher matcher = OFFSET.matcher(raw);
		if (matcher.find()) {
			int hours = Integer.parseInt(matcher.group(2));
			int minutes = Integer.parseInt(matcher.group(3));
			if (hours <= 18 && minutes < 60) {
				int sign = matcher.group(1).equals("-") ? -1 : 1;
				return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
			}
		}
		return ZoneOffset.UTC;
	}

	static String lower(String value) {
		return value == null ? null : value.toLowerCase(Locale.ROOT);
	}

}
