package io.spoofdesk.mailanalysis;

import java.util.Locale;

/** A short explanation in both UI languages. */
public record Text(String ja, String en) {

	public String in(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.en : this.ja;
	}

}
