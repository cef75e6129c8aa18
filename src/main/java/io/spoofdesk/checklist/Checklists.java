package io.spoofdesk.checklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Role;
import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.identity.UserView;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.notification.NotificationKind;
import io.spoofdesk.notification.Notifications;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.EditConflictException;
import io.spoofdesk.shared.FileNames;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.Texts;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist module's public API: start an incident's checklist from a playbook, swap
 * it for another, and work on its steps. Every change is audited on the incident; a step
 * saved from a stale version is refused with who changed it and when.
 */
@Service
public class Checklists {

	private final ChecklistRepository checklists;

	private final ChecklistStepRepository steps;

	private final Playbooks playbooks;

	private final Incidents incidents;

	private final EvidenceStore evidence;

	private final CredentialLedger ledger;

	private final UserAccounts users;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final ChecklistProperties properties;

	private final Clock clock;

	Checklists(ChecklistRepository checklists, ChecklistStepRepository steps, Playbooks playbooks, Incidents incidents,
			EvidenceStore evidence, CredentialLedger ledger, UserAccounts users, Notifications notifications,
			AuditLog auditLog, ChecklistProperties properties, Clock clock) {
		this.checklists = checklists;
		this.steps = steps;
		this.playbooks = playbooks;
		this.incidents = incidents;
		this.evidence = evidence;
		this.ledger = ledger;
		this.users = users;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.properties = properties;
		this.clock = clock;
	}

	/** The incident's active checklist, if it has one. */
	@Transactional(readOnly = true)
	public Optional<ChecklistView> of(long incidentId) {
		return this.checklists.findActive(incidentId).map(this::view);
	}

	/** One step of the incident (404 when the step belongs to another incident). */
	@Transactional(readOnly = true)
	public StepView step(long incidentId, long stepId) {
		return find(incidentId, stepId).toView(now());
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
		return view(checklist);
	}

	/**
	 * Replaces the incident's checklist with one from another playbook. Steps already
	 * done or skipped carry over to the new step of the same kind, with their evidence
	 * and credential ledger; the old checklist stays on record, inactive.
	 */
	@Transactional
	public ChecklistView swap(long incidentId, long playbookId, String language) {
		requirePlanner();
		IncidentView incident = openIncident(incidentId);
		Checklist old = this.checklists.findActive(incidentId)
			.orElseThrow(() -> new NotFoundException("Checklist", incidentId));
		Instant now = now();
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
		return view(fresh);
	}

	/**
	 * Moves a step to another status, with a reason where one is needed and an optional
	 * result note (null keeps the note).
	 */
	@Transactional
	public StepView changeStatus(long incidentId, long stepId, StepStatus to, String reason, String resultNote,
			Long expectedVersion) {
		openIncident(incidentId);
		ChecklistStep step = findExpecting(incidentId, stepId, expectedVersion);
		Set<Role> roles = CurrentUser.roles();
		StepRules.checkCanWork(step, CurrentUser.username(), roles);
		StepRules.checkStatusChange(step, to, reason, roles, this.evidence.count(stepId), this.ledger.stateOf(stepId));
		Instant now = now();
		StepStatus from = step.status();
		String why = Texts.blankToNull(reason);
		if (from != to || (to.needsReason() && !Objects.equals(why, step.reason()))) {
			step.changeStatus(to, why, now, CurrentUser.username());
			audit(incidentId, step, "STEP_STATUS_CHANGED", "status", from, (why != null) ? to + " (" + why + ")" : to);
		}
		String note = (resultNote != null) ? Texts.blankToNull(resultNote) : step.resultNote();
		if (!Objects.equals(note, step.resultNote())) {
			audit(incidentId, step, "STEP_NOTED", "resultNote", step.resultNote(), note);
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
		openIncident(incidentId);
		ChecklistStep step = findExpecting(incidentId, stepId, expectedVersion);
		String user = CurrentUser.username();
		String to = checkedAssignee(assignee);
		boolean takingFreeStep = step.assignee() == null && user.equalsIgnoreCase(String.valueOf(to))
				&& StepRules.isWorker(CurrentUser.roles());
		if (!takingFreeStep && !StepRules.canPlan(CurrentUser.roles())) {
			throw new AccessDeniedException("Only helpdesk and managers assign steps");
		}
		String from = step.assignee();
		if (!Objects.equals(from, to)) {
			step.assign(to, now(), user);
			audit(incidentId, step, "STEP_ASSIGNED", "assignee", from, to);
			if (to != null && !to.equalsIgnoreCase(user)) {
				IncidentView incident = this.incidents.get(incidentId);
				this.notifications.notify(to, NotificationKind.ASSIGNED, subject(incident, step),
						"/incidents/" + incidentId + "/checklist/steps/" + stepId);
			}
		}
		return this.steps.saveAndFlush(step).toView(now());
	}

	/** Sets a step's due time (helpdesk and managers). */
	@Transactional
	public StepView reschedule(long incidentId, long stepId, Instant dueAt, Long expectedVersion) {
		requirePlanner();
		openIncident(incidentId);
		ChecklistStep step = findExpecting(incidentId, stepId, expectedVersion);
		if (!Objects.equals(step.dueAt(), dueAt)) {
			audit(incidentId, step, "STEP_RESCHEDULED", "dueAt", step.dueAt(), dueAt);
			step.reschedule(dueAt, now(), CurrentUser.username());
		}
		return this.steps.saveAndFlush(step).toView(now());
	}

	/** Adds a step to this incident's checklist only. */
	@Transactional
	public StepView addStep(long incidentId, NewStep command) {
		if (!StepRules.isWorker(CurrentUser.roles())) {
			throw new AccessDeniedException("Only people who work on checklists add steps");
		}
		openIncident(incidentId);
		Checklist checklist = this.checklists.findActive(incidentId)
			.orElseThrow(() -> new NotFoundException("Checklist", incidentId));
		if (command.title() == null || command.title().isBlank()) {
			throw StepRules.fieldError("title", "checklist.step.titleRequired");
		}
		if (command.dueAt() != null && command.dueAt().isBefore(now())) {
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
				command.dueAt(), now(), CurrentUser.username());
		step = this.steps.saveAndFlush(step);
		audit(incidentId, step, "STEP_ADDED", "step", null, step.title());
		if (command.assignee() != null && !command.assignee().isBlank()) {
			return assign(incidentId, step.id(), command.assignee(), step.version());
		}
		return step.toView(now());
	}

	/** Attaches an evidence file to a step, after checking its size and type. */
	@Transactional
	public EvidenceFile addEvidence(long incidentId, long stepId, String fileName, byte[] content) {
		openIncident(incidentId);
		ChecklistStep step = findWritable(incidentId, stepId);
		StepRules.checkCanWork(step, CurrentUser.username(), CurrentUser.roles());
		if (content.length > this.properties.evidenceMaxSize().toBytes()) {
			throw StepRules.fieldError("file", "checklist.evidence.tooLarge");
		}
		String name = FileNames.safe(fileName, "evidence");
		String contentType = EvidenceTypes.contentTypeOf(name, content)
			.orElseThrow(() -> StepRules.fieldError("file", "checklist.evidence.type"));
		EvidenceFile file = this.evidence.insert(incidentId, stepId, name, contentType, content, CurrentUser.username(),
				now());
		audit(incidentId, step, "EVIDENCE_ADDED", "evidence", null, name + " (" + file.sha256() + ")");
		return file;
	}

	/** An evidence file to download (managers and admins; 404 under another incident). */
	@Transactional(readOnly = true)
	public EvidenceStore.Download evidence(long incidentId, long stepId, long evidenceId) {
		return this.evidence.download(incidentId, stepId, evidenceId)
			.orElseThrow(() -> new NotFoundException("Evidence", evidenceId));
	}

	/** Adds an account to a password-rotation step's ledger. */
	@Transactional
	public void addCredential(long incidentId, long stepId, CredentialKind kind, String account, boolean cleanDevice) {
		openIncident(incidentId);
		ChecklistStep step = ledgerStep(incidentId, stepId);
		if (kind == null) {
			throw StepRules.fieldError("accountKind", "checklist.ledger.kindRequired");
		}
		String name = Texts.blankToNull(account);
		if (name == null || name.length() > 320 || name.chars().anyMatch(Character::isISOControl)) {
			throw StepRules.fieldError("account", "checklist.ledger.accountRequired");
		}
		if (!this.ledger.add(incidentId, stepId, kind, name, cleanDevice, CurrentUser.username(), now())) {
			throw StepRules.fieldError("account", "checklist.ledger.duplicate");
		}
		audit(incidentId, step, "CREDENTIAL_RECORDED", "account", null, kind + " " + name + (cleanDevice ? " ✓" : ""));
	}

	/** Confirms that an account's password was changed from a clean device. */
	@Transactional
	public void confirmCredential(long incidentId, long stepId, long rowId) {
		openIncident(incidentId);
		ChecklistStep step = ledgerStep(incidentId, stepId);
		if (!this.ledger.exists(stepId, rowId)) {
			throw new NotFoundException("Credential", rowId);
		}
		if (this.ledger.confirm(stepId, rowId, CurrentUser.username(), now())) {
			audit(incidentId, step, "CREDENTIAL_CONFIRMED", "account", null, Long.toString(rowId));
		}
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
		Instant now = now();
		this.checklists.findActive(incidentId).ifPresent(checklist -> {
			for (ChecklistStep step : this.steps.findByChecklist(checklist.id())) {
				if (kind.equals(step.kind()) && step.status().isOpen()) {
					step.changeStatus(StepStatus.DONE, null, now, CurrentUser.username());
					step.note((step.resultNote() != null) ? step.resultNote() + "\n" + note : note, now,
							CurrentUser.username());
					audit(incidentId, step, "STEP_STATUS_CHANGED", "status", "open",
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
		requirePlanner();
		openIncident(incidentId);
		if (at == null) {
			throw StepRules.fieldError("recognisedAt", "checklist.leak.required");
		}
		if (at.isAfter(now().plus(Duration.ofMinutes(5)))) {
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
					audit(incidentId, step, "STEP_RESCHEDULED", "dueAt", step.dueAt(), due);
					step.reschedule(due, now(), CurrentUser.username());
				});
		}
		this.steps.flush();
		return view(checklist);
	}

	private Checklist copy(IncidentView incident, PlaybookDefinition playbook, String language,
			Instant leakRecognisedAt) {
		Instant now = now();
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

	private ChecklistView view(Checklist checklist) {
		Instant now = now();
		List<StepView> stepViews = this.steps.findByChecklist(checklist.id())
			.stream()
			.map(step -> step.toView(now))
			.toList();
		List<Long> ids = stepViews.stream().map(StepView::id).toList();
		return ChecklistView.of(checklist, stepViews, this.evidence.ofSteps(ids), this.ledger.ofSteps(ids));
	}

	private ChecklistStep ledgerStep(long incidentId, long stepId) {
		ChecklistStep step = findWritable(incidentId, stepId);
		if (!StepKinds.ROTATE_PASSWORDS.equals(step.kind())) {
			throw new ConflictException("checklist.ledger.notForThisStep");
		}
		StepRules.checkCanWork(step, CurrentUser.username(), CurrentUser.roles());
		return step;
	}

	private IncidentView openIncident(long incidentId) {
		IncidentView incident = this.incidents.get(incidentId);
		if (!incident.status().isOpen()) {
			throw new ConflictException("checklist.incidentClosed");
		}
		return incident;
	}

	private static void requirePlanner() {
		if (!StepRules.canPlan(CurrentUser.roles())) {
			throw new AccessDeniedException("Only helpdesk and managers plan checklists");
		}
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

	private ChecklistStep find(long incidentId, long stepId) {
		return this.steps.findInIncident(stepId, incidentId).orElseThrow(() -> new NotFoundException("Step", stepId));
	}

	/**
	 * A step to change: not one of a replaced checklist, whose changes no page would show
	 * (a second tab still open on the old checklist would lose its work silently).
	 */
	private ChecklistStep findWritable(long incidentId, long stepId) {
		ChecklistStep step = find(incidentId, stepId);
		if (step.dormant()) {
			throw new ConflictException("checklist.step.replaced");
		}
		return step;
	}

	private ChecklistStep findExpecting(long incidentId, long stepId, Long expectedVersion) {
		ChecklistStep step = findWritable(incidentId, stepId);
		if (expectedVersion != null && expectedVersion != step.version()) {
			throw new EditConflictException(step.updatedBy(), step.updatedAt());
		}
		return step;
	}

	private void audit(long incidentId, ChecklistStep step, String action, String field, Object before, Object after) {
		this.auditLog.record(AuditEntry.change(action, Incidents.TARGET, incidentId,
				"step " + step.position() + " " + step.title() + ": " + field, before, after));
	}

	static String subject(IncidentView incident, ChecklistStep step) {
		return incident.reference() + " · " + step.title();
	}

	private Instant now() {
		return Instant.now(this.clock);
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
