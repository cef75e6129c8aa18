package io.spoofdesk.incident;

import java.util.List;

/**
 * A choice another module offers when an incident is opened (the checklist: which
 * playbook to start from). The new-incident form shows one select per option; the chosen
 * value travels in {@link IncidentCommand#startOptions()} and {@link IncidentReported}.
 */
public interface IncidentStartOption {

	/** The key in {@code startOptions}, e.g. {@code playbook}. */
	String name();

	/** The message key of the field's label. */
	String labelKey();

	/** The values to choose from, in the given language; the first is the default. */
	List<Choice> choices(String language);

	/** One value of the select. */
	record Choice(String value, String label) {

	}

}
