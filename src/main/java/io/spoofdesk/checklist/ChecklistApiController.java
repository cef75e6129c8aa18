package io.spoofdesk.checklist;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checklist and step operations under {@code /api/v1/incidents/{id}/checklist}, the
 * caller's tasks, and the playbooks to choose from. The same rules as the pages: a stale
 * {@code version} answers 409 with who changed the step, a missing reason 400 naming the
 * field.
 */
@Tag(name = "Checklists",
		description = "Playbooks, the checklist on each incident, its steps, evidence and the password ledger.")
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("@may.seeCases()")
class ChecklistApiController {

	private final Checklists checklists;

	private final StepRecords records;

	private final ChecklistLifecycle lifecycle;

	private final Playbooks playbooks;

	private final Tasks tasks;

	ChecklistApiController(Checklists checklists, StepRecords records, ChecklistLifecycle lifecycle,
			Playbooks playbooks, Tasks tasks) {
		this.checklists = checklists;
		this.records = records;
		this.lifecycle = lifecycle;
		this.playbooks = playbooks;
		this.tasks = tasks;
	}

	@Operation(summary = "List playbooks")
	@GetMapping("/playbooks")
	List<PlaybookSummary> playbooks() {
		return this.playbooks.all();
	}

	@Operation(summary = "List my open checklist steps")
	@GetMapping("/tasks")
	List<TaskLine> myTasks() {
		return this.tasks.of(CurrentUser.username());
	}

	@Operation(summary = "Get an incident's checklist")
	@GetMapping("/incidents/{id}/checklist")
	ChecklistView checklist(@PathVariable long id) {
		return this.checklists.of(id).orElseThrow(() -> new NotFoundException("Checklist", id));
	}

	/** Swaps the checklist for another playbook; done steps carry over by kind. */
	@Operation(summary = "Switch the checklist to another playbook")
	@PostMapping("/incidents/{id}/checklist/playbook")
	ChecklistView swap(@PathVariable long id, @RequestBody SwapBody body, Locale locale) {
		String language = (body.language() != null) ? body.language() : StepTemplate.languageOf(locale);
		return this.lifecycle.swap(id, body.playbookId(), "en".equals(language) ? "en" : "ja");
	}

	@Operation(summary = "Add an ad-hoc step")
	@PostMapping("/incidents/{id}/checklist/steps")
	ResponseEntity<StepView> addStep(@PathVariable long id, @RequestBody Checklists.NewStep body) {
		StepView step = this.checklists.addStep(id, body);
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/checklist/steps/" + step.id()))
			.body(step);
	}

	@Operation(summary = "Get a checklist step")
	@GetMapping("/incidents/{id}/checklist/steps/{stepId}")
	StepView step(@PathVariable long id, @PathVariable long stepId) {
		return this.checklists.step(id, stepId);
	}

	@Operation(summary = "Change a step's status")
	@PostMapping("/incidents/{id}/checklist/steps/{stepId}/status")
	StepView changeStatus(@PathVariable long id, @PathVariable long stepId, @RequestBody StatusBody body) {
		if (body.status() == null) {
			throw StepRules.fieldError("status", "checklist.step.statusRequired");
		}
		return this.checklists.changeStatus(id, stepId, body.status(), body.reason(), body.resultNote(),
				body.version());
	}

	@Operation(summary = "Assign a step")
	@PutMapping("/incidents/{id}/checklist/steps/{stepId}/assignee")
	StepView assign(@PathVariable long id, @PathVariable long stepId, @RequestBody AssigneeBody body) {
		return this.checklists.assign(id, stepId, body.assignee(), body.version());
	}

	@Operation(summary = "Set a step's due time")
	@PutMapping("/incidents/{id}/checklist/steps/{stepId}/due")
	StepView reschedule(@PathVariable long id, @PathVariable long stepId, @RequestBody DueBody body) {
		return this.checklists.reschedule(id, stepId, body.dueAt(), body.version());
	}

	/**
	 * When the leak of personal data was recognised: the reporting steps' due times
	 * (Personal Information Protection Commission) count from it.
	 */
	@Operation(summary = "Record when the leak was recognised")
	@PutMapping("/incidents/{id}/checklist/leak-recognised")
	ChecklistView recogniseLeak(@PathVariable long id, @RequestBody LeakBody body) {
		return this.lifecycle.recogniseLeak(id, body.recognisedAt());
	}

	@Operation(summary = "Attach evidence to a step")
	@PostMapping(path = "/incidents/{id}/checklist/steps/{stepId}/evidence", consumes = "multipart/form-data")
	ResponseEntity<EvidenceFile> addEvidence(@PathVariable long id, @PathVariable long stepId,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw StepRules.fieldError("file", "checklist.evidence.missing");
		}
		EvidenceFile added = this.records.addEvidence(id, stepId, file.getOriginalFilename(), file.getBytes());
		return ResponseEntity
			.created(URI.create("/incidents/" + id + "/checklist/steps/" + stepId + "/evidence/" + added.id()))
			.body(added);
	}

	@Operation(summary = "Add an account to the password ledger")
	@PostMapping("/incidents/{id}/checklist/steps/{stepId}/ledger")
	ResponseEntity<List<CredentialChange>> addCredential(@PathVariable long id, @PathVariable long stepId,
			@RequestBody CredentialBody body) {
		this.records.addCredential(id, stepId, body.kind(), body.account(), Boolean.TRUE.equals(body.cleanDevice()));
		return ResponseEntity.status(201).body(ledgerOf(id, stepId));
	}

	@Operation(summary = "Confirm a password change in the ledger")
	@PostMapping("/incidents/{id}/checklist/steps/{stepId}/ledger/{rowId}/confirm")
	List<CredentialChange> confirmCredential(@PathVariable long id, @PathVariable long stepId,
			@PathVariable long rowId) {
		this.records.confirmCredential(id, stepId, rowId);
		return ledgerOf(id, stepId);
	}

	private List<CredentialChange> ledgerOf(long id, long stepId) {
		return this.checklists.of(id).map(checklist -> checklist.ledgerOf(stepId)).orElse(List.of());
	}

	record SwapBody(long playbookId, String language) {

	}

	record StatusBody(StepStatus status, String reason, String resultNote, Long version) {

	}

	record AssigneeBody(String assignee, Long version) {

	}

	record LeakBody(Instant recognisedAt) {

	}

	record DueBody(Instant dueAt, Long version) {

	}

	record CredentialBody(CredentialKind kind, String account, Boolean cleanDevice) {

	}

}
