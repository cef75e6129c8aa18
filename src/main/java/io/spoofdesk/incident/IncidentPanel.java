package io.spoofdesk.incident;

import java.util.Map;

/**
 * A section that another module adds to the incident page (the suspicious mails at 10,
 * the checklist at 20, the warning mail after them), so that the incident module does not
 * depend on those modules. The page renders {@code ~{template :: panel(data)}} for each
 * panel, in {@link #order()}.
 */
public interface IncidentPanel {

	/** The Thymeleaf template holding a fragment {@code panel(data)}. */
	String template();

	/** The fragment's data for one incident (read-only, already permission-filtered). */
	Map<String, Object> data(IncidentView incident);

	default int order() {
		return 100;
	}

	/** One panel ready to render: what the incident page iterates over. */
	record Rendered(String template, Map<String, Object> data) {

	}

}
