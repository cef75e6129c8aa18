package io.spoofdesk.checklist;

import java.util.List;

import io.spoofdesk.incident.IncidentStartOption;

import org.springframework.stereotype.Component;

/**
 * "Start the checklist from": the active playbooks on the new-incident form, default
 * first.
 */
@Component
class PlaybookChoice implements IncidentStartOption {

	static final String NAME = "playbook";

	private final Playbooks playbooks;

	PlaybookChoice(Playbooks playbooks) {
		this.playbooks = playbooks;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String labelKey() {
		return "checklist.startWith";
	}

	@Override
	public List<Choice> choices(String language) {
		return this.playbooks.all()
			.stream()
			.filter(PlaybookSummary::active)
			.map(playbook -> new Choice(Long.toString(playbook.id()), playbook.name(language)))
			.toList();
	}

}
