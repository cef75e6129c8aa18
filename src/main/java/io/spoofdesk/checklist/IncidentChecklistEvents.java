package io.spoofdesk.checklist;

import io.spoofdesk.incident.IncidentReported;
import io.spoofdesk.incident.IncidentStatus;
import io.spoofdesk.incident.IncidentStatusChanged;
import io.spoofdesk.incident.IncidentStatusGuard;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.warningmail.PartnersWarned;
import io.spoofdesk.warningmail.StaffWarned;

import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How checklists follow incidents: a new incident gets the default playbook's checklist
 * in the reporting user's language (in the same transaction, so there is never a case
 * without its checklist); a closed case's steps leave the task lists; and a case cannot
 * close while a required step is open.
 */
@Component
class IncidentChecklistEvents implements IncidentStatusGuard {

	private final ChecklistLifecycle checklists;

	private final Playbooks playbooks;

	IncidentChecklistEvents(ChecklistLifecycle checklists, Playbooks playbooks) {
		this.checklists = checklists;
		this.playbooks = playbooks;
	}

	@EventListener
	void reported(IncidentReported event) {
		String language = StepTemplate.languageOf(LocaleContextHolder.getLocale());
		String chosen = event.startOptions().get(PlaybookChoice.NAME);
		if (chosen != null && !chosen.isBlank()) {
			this.checklists.start(event.incidentId(), chosenPlaybook(chosen.strip()), language);
		}
		else {
			this.playbooks.defaultPlaybook()
				.ifPresent(playbook -> this.checklists.start(event.incidentId(), playbook, language));
		}
	}

	/**
	 * An active playbook's id; anything else refuses the new incident with a clear
	 * message.
	 */
	private long chosenPlaybook(String value) {
		return this.playbooks.all()
			.stream()
			.filter(playbook -> playbook.active() && Long.toString(playbook.id()).equals(value))
			.findFirst()
			.orElseThrow(() -> new ConflictException("checklist.playbook.unknown"))
			.id();
	}

	/** The warning-mail module warned every partner: the NOTIFY_PARTNERS step is done. */
	@EventListener
	void partnersWarned(PartnersWarned event) {
		this.checklists.completeByKind(event.incidentId(), StepKinds.NOTIFY_PARTNERS,
				"SpoofDesk: " + event.warned() + " warning mail(s) sent");
	}

	/** The staff notice went out: the NOTIFY_STAFF step is done. */
	@EventListener
	void staffWarned(StaffWarned event) {
		this.checklists.completeByKind(event.incidentId(), StepKinds.NOTIFY_STAFF,
				"SpoofDesk: staff notice sent (" + event.sent() + ")");
	}

	@EventListener
	void statusChanged(IncidentStatusChanged event) {
		if (event.from().isOpen() != event.to().isOpen()) {
			this.checklists.incidentOpenChanged(event.incidentId(), event.to().isOpen());
		}
	}

	@Override
	public void check(long incidentId, IncidentStatus from, IncidentStatus to) {
		if (to == IncidentStatus.CLOSED && !this.checklists.openRequiredSteps(incidentId).isEmpty()) {
			throw new ConflictException("checklist.close.requiredStepsOpen");
		}
	}

}
