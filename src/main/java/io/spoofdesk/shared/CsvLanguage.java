package io.spoofdesk.shared;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A CSV export in its reader's language: header cells from message keys, codes (status,
 * severity, channel) as their labels. Exports keep the codes in extra columns for
 * spreadsheets that filter on them.
 *
 * @param messages the UI's messages
 * @param locale the reader's language
 */
public record CsvLanguage(MessageSource messages, Locale locale) {

	/** The header line: each key's label. */
	public List<String> header(List<String> keys) {
		return keys.stream().map(key -> this.messages.getMessage(key, null, this.locale)).toList();
	}

	/**
	 * A code's label ({@code prefix + code}, e.g. {@code status.CLOSED}); empty for none.
	 */
	public String label(String prefix, String code) {
		return (code != null) ? this.messages.getMessage(prefix + code, null, code, this.locale) : "";
	}

}
