package io.spoofdesk.checklist;

import io.spoofdesk.mailanalysis.MailAnalysis.TriageHint;

/**
 * The playbook each triage hint suggests (DESIGN.md, Triage): an infection on our side or
 * a stolen conversation takes the full Emotet response, our forged name the name-abuse
 * playbook (which keeps the scan and the password check), an impersonated partner the
 * playbook that tells that partner. The incident page offers it in one click.
 */
record SuggestedPlaybook(TriageHint hint, PlaybookSummary playbook) {

	static final String FULL_EMOTET = "spoofed-mail-emotet";

	static final String NAME_ABUSE = "name-abused-only";

	static final String PARTNER_IMPERSONATED = "partner-impersonated";

	/** The code of the playbook a hint suggests, or null. */
	static String codeFor(TriageHint hint) {
		return switch (hint) {
			case OUR_SYSTEMS_LIKELY_INFECTED, CONVERSATION_STOLEN -> FULL_EMOTET;
			case OUR_NAME_FORGED -> NAME_ABUSE;
			case PARTNER_IMPERSONATED -> PARTNER_IMPERSONATED;
			case INCONCLUSIVE, NOT_ABOUT_US -> null;
		};
	}

}
