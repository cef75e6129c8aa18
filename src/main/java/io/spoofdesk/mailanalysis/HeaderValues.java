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
		try {
			return Charsets.withoutNul(MimeUtility.decodeText(value));
		}
		catch (UnsupportedEncodingException | RuntimeException ex) {
			return value;
		}
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
				result.add(new MailAnalysis.Sender(clean(address.getAddress()),
						display == null ? null : Charsets.withoutNul(display).strip()));
			}
		}
		catch (AddressException | RuntimeException ex) {
			warnings.add("an address header could not be parsed: " + raw);
			String address = MailAddresses.firstAddressIn(raw);
			if (address != null) {
				result.add(new MailAnalysis.Sender(address, null));
			}
		}
		return result;
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

	private static String clean(String address) {
		return address == null ? null : address.strip();
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
