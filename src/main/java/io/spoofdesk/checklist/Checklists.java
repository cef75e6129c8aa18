package io.spoofdesk.checklist;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Role;
import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.identity.UserView;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.notification.NotificationKind;
import io.spoofdesk.notification.Notifications;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.Texts;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist module's public API for work on steps: read an incident's checklist, move
 * a step's status, assign it, reschedule it, add an ad-hoc step. Every change is audited
 * on the incident; a step saved from a stale version is refused with who changed it and
 * when. The checklist as a whole is {@link ChecklistLifecycle}.
 */
@Service
public class Checklists {

	private final ChecklistRepository checklists;

	private final ChecklistStepRepository steps;

	private final Incidents incidents;

	private final EvidenceStore evidence;

	private final CredentialLedger ledger;

	private final UserAccounts users;

	private final Notifications notifications;

	private final ChecklistAccess access;

	Checklists(ChecklistRepository checklists, ChecklistStepRepository steps, Incidents incidents,
			EvidenceStore evidence, CredentialLedger ledger, UserAccounts users, Notifications notifications,
			ChecklistAccess access) {
		this.checklists = checklists;
		this.steps = steps;
		this.incidents = incidents;
		this.evidence = evidence;
		this.ledger = ledger;
		this.users = users;
		this.notifications = notifications;
		this.access = access;
	}

	/** The incident's active checklist, if it has one. */
	@Transactional(readOnly = true)
	public Optional<ChecklistView> of(long incidentId) {
		return this.checklists.findActive(incidentId).map(this.access::view);
	}

	/** One step of the incident (404 when the step belongs to another incident). */
	@Transactional(readOnly = true)
	public StepView step(long incidentId, long stepId) {
		return this.access.find(incidentId, stepId).toView(this.access.now());
	}

	/**
	 * Moves a step to another status, with a reason where one is needed and an optional
	 * result note (null keeps the note).
	 */
	@Transactional
	public StepView changeStatus(long incidentId, long stepId, StepStatus to, String reason, String resultNote,
			Long expectedVersion) {
		this.access.openIncident(incidentId);
		ChecklistStep step = this.access.findExpecting(incidentId, stepId, expectedVersion);
		Set<Role> roles = CurrentUser.roles();
		StepRules.checkCanWork(step, CurrentUser.username(), roles);
		StepRules.checkStatusChange(step, to, reason, roles, this.evidence.count(stepId), this.ledger.stateOf(stepId));
		Instant now = this.access.now();
		StepStatus from = step.status();
		String why = Texts.blankToNull(reason);
		if (from != to || (to.needsReason() && !Objects.equals(why, step.reason()))) {
			step.changeStatus(to, why, now, CurrentUser.username());
			this.access.audit(incidentId, step, "STEP_STATUS_CHANGED", "status", from,
					(why != null) ? to + " (" + why + ")" : to);
		}
		String note = (resultNote != null) ? Texts.blankToNull(resultNote) : step.resultNote();
		if (!Objects.equals(note, step.resultNote())) {
			this.access.audit(incidentId, step, "STEP_NOTED", "resultNote", step.resultNote(), note);
			step.note(note, now, CurrentUser.username());
		}
		if (step.assignee() == null && to != StepStatus.TODO && StepRules.isWorker(roles)) {
			// whoever starts or finishes an unassigned step owns it from then on
			step.assign(CurrentUser.username(), now, CurrentUser.username());
		}
		return this.steps.saveAndFlush(step).toView(now);
	}

	/** Assigns a step; staff may only take an unassigned step for themselves. */
	@Transactional
	public StepView assign(long incidentId, long stepId, String assignee, Long expectedVersion) {
		this.access.openIncident(incidentId);
		ChecklistStep step = this.access.findExpecting(incidentId, stepId, expectedVersion);
		String user = CurrentUser.username();
		String to = checkedAssignee(assignee);
		boolean takingFreeStep = step.assignee() == null && user.equalsIgnoreCase(String.valueOf(to))
				&& StepRules.isWorker(CurrentUser.roles());
		if (!takingFreeStep && !StepRules.canPlan(CurrentUser.roles())) {
			throw new AccessDeniedException("Only helpdesk and managers assign steps");
		}
		String from = step.assignee();
		if (!Objects.equals(from, to)) {
			step.assign(to, this.access.now(), user);
			this.access.audit(incidentId, step, "STEP_ASSIGNED", "assignee", from, to);
			if (to != null && !to.equalsIgnoreCase(user)) {
				IncidentView incident = this.incidents.get(incidentId);
				this.notifications.notify(to, NotificationKind.ASSIGNED, subject(incident, step),
						"/incidents/" + incidentId + "/checklist/steps/" + stepId);
			}
		}
		return this.steps.saveAndFlush(step).toView(this.access.now());
	}

	/** Sets a step's due time (helpdesk and managers). */
	@Transactional
	public StepView reschedule(long incidentId, long stepId, Instant dueAt, Long expectedVersion) {
		ChecklistAccess.requirePlanner();
		this.access.openIncident(incidentId);
		ChecklistStep step = this.access.findExpecting(incidentId, stepId, expectedVersion);
		if (!Objects.equals(step.dueAt(), dueAt)) {
			this.access.audit(incidentId, step, "STEP_RESCHEDULED", "dueAt", step.dueAt(), dueAt);
			step.reschedule(dueAt, this.access.now(), CurrentUser.username());
		}
		return this.steps.saveAndFlush(step).toView(this.access.now());
	}

	/** Adds a step to this incident's checklist only. */
	@Transactional
	public StepView addStep(long incidentId, NewStep command) {
		if (!StepRules.isWorker(CurrentUser.roles())) {
			throw new AccessDeniedException("Only people who work on checklists add steps");
		}
		this.access.openIncident(incidentId);
		Checklist checklist = this.checklists.findActive(incidentId)
			.orElseThrow(() -> new NotFoundException("Checklist", incidentId));
		if (command.title() == null || command.title().isBlank()) {
			throw StepRules.fieldError("title", "checklist.step.titleRequired");
		}
		if (command.dueAt() != null && command.dueAt().isBefore(this.access.now())) {
			throw StepRules.fieldError("dueAt", "checklist.step.dueInPast");
		}
		if (command.isRequired() && !StepRules.canPlan(CurrentUser.roles())) {
			// a required step blocks closing the case: only those who plan the work add
			// one
			throw StepRules.fieldError("required", "checklist.step.requiredByPlanners");
		}
		String kind = Texts.blankToNull(command.kind());
		if (kind != null && !StepKinds.VALID.matcher(kind).matches()) {
			throw StepRules.fieldError("kind", "playbook.step.kindInvalid");
		}
		Integer last = this.steps.lastPosition(checklist.id());
		ChecklistStep step = new ChecklistStep(checklist.id(), incidentId, (last != null) ? last + 1 : 1,
				(command.phase() != null) ? command.phase() : Phase.REVIEW, kind, command.title().strip(),
				Texts.blankToNull(command.guidance()), Role.STAFF, command.isRequired(), command.needsEvidence(), true,
				command.dueAt(), this.access.now(), CurrentUser.username());
		step = this.steps.saveAndFlush(step);
		this.access.audit(incidentId, step, "STEP_ADDED", "step", null, step.title());
		if (command.assignee() != null && !command.assignee().isBlank()) {
			return assign(incidentId, step.id(), command.assignee(), step.version());
		}
		return step.toView(this.access.now());
	}

	private String checkedAssignee(String assignee) {
		if (assignee == null || assignee.isBlank()) {
			return null;
		}
		return this.users.assignable()
			.stream()
			.map(UserView::username)
			.filter(username -> username.equalsIgnoreCase(assignee.trim()))
			.findFirst()
			.orElseThrow(() -> StepRules.fieldError("assignee", "checklist.step.assigneeUnknown"));
	}

	static String subject(IncidentView incident, ChecklistStep step) {
		return incident.reference() + " · " + step.title();
	}

	/** An ad-hoc step for one incident. */
	public record NewStep(String title, String guidance, Phase phase, String kind, Boolean required,
			Boolean evidenceRequired, Instant dueAt, String assignee) {

		boolean isRequired() {
			return Boolean.TRUE.equals(this.required);
		}

		boolean needsEvidence() {
			return Boolean.TRUE.equals(this.evidenceRequired);
		}

	}

}
