package io.spoofdesk.checklist;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident's checklist as a whole: started from a playbook, swapped for another (done
 * steps, evidence and ledgers carry over by kind), steps completed by the system when the
 * work is done elsewhere, put to sleep while the case is closed, and the leak-report
 * deadlines counted from when a leak was recognised. Work on single steps is
 * {@link Checklists}; evidence and ledgers are {@link StepRecords}.
 */
@Service
public class ChecklistLifecycle {

	private final ChecklistRepository checklists;

	private final ChecklistStepRepository steps;

	private final Playbooks playbooks;

	private final Incidents incidents;

	private final EvidenceStore evidence;

	private final CredentialLedger ledger;

	private final AuditLog auditLog;

	private final ChecklistAccess access;

	ChecklistLifecycle(ChecklistRepository checklists, ChecklistStepRepository steps, Playbooks playbooks,
			Incidents incidents, EvidenceStore evidence, CredentialLedger ledger, AuditLog auditLog,
			ChecklistAccess access) {
		this.checklists = checklists;
		this.steps = steps;
		this.playbooks = playbooks;
		this.incidents = incidents;
		this.evidence = evidence;
		this.ledger = ledger;
		this.auditLog = auditLog;
		this.access = access;
	}

	/**
	 * Copies the playbook's current version onto the incident, in the given language,
	 * with due times counted from the incident's report time.
	 */
	@Transactional
	public ChecklistView start(long incidentId, long playbookId, String language) {
		IncidentView incident = this.incidents.get(incidentId);
		if (this.checklists.findActive(incidentId).isPresent()) {
			throw new ConflictException("checklist.alreadyStarted");
		}
		Checklist checklist = copy(incident, this.playbooks.current(playbookId), language, null);
		this.auditLog.record(AuditEntry.change("CHECKLIST_STARTED", Incidents.TARGET, incidentId, "checklist", null,
				checklist.name()));
		return this.access.view(checklist);
	}

	/**
	 * Replaces the incident's checklist with one from another playbook. Steps already
	 * done or skipped carry over to the new step of the same kind, with their evidence
	 * and credential ledger; the old checklist stays on record, inactive.
	 */
	@Transactional
	public ChecklistView swap(long incidentId, long playbookId, String language) {
		ChecklistAccess.requirePlanner();
		IncidentView incident = this.access.openIncident(incidentId);
		Checklist old = this.checklists.findActive(incidentId)
			.orElseThrow(() -> new NotFoundException("Checklist", incidentId));
		Instant now = this.access.now();
		old.replaced(now, CurrentUser.username());
		this.checklists.saveAndFlush(old);
		this.steps.setDormant(old.id(), true);
		Map<String, ChecklistStep> previousByKind = new HashMap<>();
		for (ChecklistStep step : this.steps.findByChecklist(old.id())) {
			if (step.kind() != null) {
				previousByKind.putIfAbsent(step.kind(), step);
			}
		}
		Checklist fresh = copy(incident, this.playbooks.current(playbookId), language, old.leakRecognisedAt());
		for (ChecklistStep step : this.steps.findByChecklist(fresh.id())) {
			ChecklistStep previous = (step.kind() != null) ? previousByKind.get(step.kind()) : null;
			if (previous == null) {
				continue;
			}
			if (previous.status().isFinished()) {
				step.carryOver(previous);
			}
			this.evidence.move(previous.id(), step.id());
			this.ledger.move(previous.id(), step.id());
		}
		this.auditLog.record(AuditEntry.change("CHECKLIST_SWAPPED", Incidents.TARGET, incidentId, "checklist",
				old.name(), fresh.name()));
		return this.access.view(fresh);
	}

	/**
	 * Marks the open steps of a kind done on behalf of the system (e.g. NOTIFY_PARTNERS
	 * once every partner has been warned), with a result note. Closed incidents are left
	 * alone.
	 */
	@Transactional
	public void completeByKind(long incidentId, String kind, String note) {
		if (!this.incidents.get(incidentId).status().isOpen()) {
			return;
		}
		Instant now = this.access.now();
		this.checklists.findActive(incidentId).ifPresent(checklist -> {
			for (ChecklistStep step : this.steps.findByChecklist(checklist.id())) {
				if (kind.equals(step.kind()) && step.status().isOpen()) {
					step.changeStatus(StepStatus.DONE, null, now, CurrentUser.username());
					step.note((step.resultNote() != null) ? step.resultNote() + "\n" + note : note, now,
							CurrentUser.username());
					this.access.audit(incidentId, step, "STEP_STATUS_CHANGED", "status", "open",
							StepStatus.DONE + " (" + note + ")");
				}
			}
		});
	}

	/** Titles of required steps not yet done or skipped: why the case cannot close. */
	@Transactional(readOnly = true)
	public List<String> openRequiredSteps(long incidentId) {
		return this.checklists.findActive(incidentId)
			.map(checklist -> this.steps.findByChecklist(checklist.id())
				.stream()
				.filter(step -> step.required() && !step.status().isFinished())
				.map(ChecklistStep::title)
				.toList())
			.orElse(List.of());
	}

	/**
	 * Keeps closed incidents' steps out of task lists, and brings them back on reopening.
	 */
	@Transactional
	void incidentOpenChanged(long incidentId, boolean open) {
		this.checklists.findActive(incidentId).ifPresent(checklist -> this.steps.setDormant(checklist.id(), !open));
	}

	/**
	 * Records when the leak of personal data was recognised and counts the open reporting
	 * steps' due times from it, by their playbook's offsets (helpdesk and managers).
	 */
	@Transactional
	public ChecklistView recogniseLeak(long incidentId, Instant at) {
		ChecklistAccess.requirePlanner();
		this.access.openIncident(incidentId);
		if (at == null) {
			throw StepRules.fieldError("recognisedAt", "checklist.leak.required");
		}
		if (at.isAfter(this.access.now().plus(Duration.ofMinutes(5)))) {
			throw StepRules.fieldError("recognisedAt", "checklist.leak.future");
		}
		Checklist checklist = this.checklists.findActive(incidentId)
			.orElseThrow(() -> new NotFoundException("Checklist", incidentId));
		Instant before = checklist.leakRecognisedAt();
		checklist.leakRecognised(at);
		this.checklists.saveAndFlush(checklist);
		this.auditLog
			.record(AuditEntry.change("LEAK_RECOGNISED", Incidents.TARGET, incidentId, "leakRecognisedAt", before, at));
		PlaybookDefinition playbook = this.playbooks.version(checklist.playbookVersionId());
		for (ChecklistStep step : this.steps.findByChecklist(checklist.id())) {
			if (!StepKinds.countsFromLeak(step.kind()) || !step.status().isOpen()) {
				continue;
			}
			playbook.steps()
				.stream()
				.filter(template -> step.kind().equals(template.kind()))
				.findFirst()
				.map(template -> at.plus(Duration.ofMinutes(template.dueOffsetMinutes())))
				.filter(due -> !due.equals(step.dueAt()))
				.ifPresent(due -> {
					this.access.audit(incidentId, step, "STEP_RESCHEDULED", "dueAt", step.dueAt(), due);
					step.reschedule(due, this.access.now(), CurrentUser.username());
				});
		}
		this.steps.flush();
		return this.access.view(checklist);
	}

	private Checklist copy(IncidentView incident, PlaybookDefinition playbook, String language,
			Instant leakRecognisedAt) {
		Instant now = this.access.now();
		Checklist checklist = new Checklist(incident.id(), playbook, language, now, CurrentUser.username());
		checklist.leakRecognised(leakRecognisedAt);
		checklist = this.checklists.saveAndFlush(checklist);
		for (StepTemplate template : playbook.steps()) {
			Instant countsFrom = (leakRecognisedAt != null && StepKinds.countsFromLeak(template.kind()))
					? leakRecognisedAt : incident.reportedAt();
			this.steps.save(new ChecklistStep(checklist.id(), incident.id(), template.position(), template.phase(),
					template.kind(), template.title(language), template.guidance(language), template.defaultRole(),
					template.required(), template.evidenceRequired(), false,
					countsFrom.plus(Duration.ofMinutes(template.dueOffsetMinutes())), now, CurrentUser.username()));
		}
		this.steps.flush();
		return checklist;
	}

}
