package io.spoofdesk.checklist;

import java.util.Locale;

import io.spoofdesk.identity.Role;

/** One step of a playbook version, in both languages. */
public record StepTemplate(int position, Phase phase, String kind, String titleJa, String titleEn, String guidanceJa,
		String guidanceEn, Role defaultRole, int dueOffsetMinutes, boolean required, boolean evidenceRequired) {

	public String title(String language) {
		return "en".equals(language) ? this.titleEn : this.titleJa;
	}

	public String guidance(String language) {
		return "en".equals(language) ? this.guidanceEn : this.guidanceJa;
	}

	/** The language a checklist is written in: Japanese unless the user reads English. */
	static String languageOf(Locale locale) {
		return (locale != null && "en".equals(locale.getLanguage())) ? "en" : "ja";
	}

}
