package io.spoofdesk.checklist;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.ConflictMessages;
import io.spoofdesk.shared.Downloads;
import io.spoofdesk.shared.EditConflictException;
import io.spoofdesk.shared.InvalidRequestException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Checklist pages: the step page with all its forms, and the step actions. With htmx an
 * action answers the step's row (and the progress bars) in place; as a plain form post it
 * redirects back. A refused action shows its message next to the step, never a lost
 * change.
 */
@Controller
class ChecklistController {

	private final Checklists checklists;

	private final StepRecords records;

	private final ChecklistLifecycle lifecycle;

	private final Incidents incidents;

	private final ChecklistPanel panel;

	private final CompanyIdentityService identities;

	private final MessageSource messages;

	private final ConflictMessages conflicts;

	private final Guidance guidance = new Guidance();

	ChecklistController(Checklists checklists, StepRecords records, ChecklistLifecycle lifecycle, Incidents incidents,
			ChecklistPanel panel, CompanyIdentityService identities, MessageSource messages,
			ConflictMessages conflicts) {
		this.checklists = checklists;
		this.records = records;
		this.lifecycle = lifecycle;
		this.incidents = incidents;
		this.panel = panel;
		this.identities = identities;
		this.messages = messages;
		this.conflicts = conflicts;
	}

	@GetMapping("/incidents/{id}/checklist/steps/{stepId}")
	String step(@PathVariable long id, @PathVariable long stepId, Model model) {
		IncidentView incident = this.incidents.get(id);
		StepView step = this.checklists.step(id, stepId);
		ChecklistView checklist = this.checklists.of(id).orElse(null);
		model.addAttribute("incident", incident);
		model.addAttribute("step", step);
		model.addAttribute("checklist", checklist);
		model.addAttribute("guidanceHtml", this.guidance.html(step.guidance()));
		model.addAttribute("ctx", this.panel.context(id, incident.status().isOpen()));
		model.addAttribute("evidence", (checklist != null) ? checklist.evidenceOf(stepId) : List.<EvidenceFile>of());
		model.addAttribute("ledger", (checklist != null) ? checklist.ledgerOf(stepId) : List.<CredentialChange>of());
		model.addAttribute("zone", this.identities.current().zoneId());
		model.addAttribute("credentialKinds", CredentialKind.values());
		return "checklist/step";
	}

	@PostMapping("/incidents/{id}/checklist/steps/{stepId}/status")
	String status(@PathVariable long id, @PathVariable long stepId, @RequestParam StepStatus status,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String resultNote,
			@RequestParam(required = false) Long version, @RequestParam(defaultValue = "incident") String back,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		return act(id, stepId, back, htmx, model, redirect, response, locale,
				() -> this.checklists.changeStatus(id, stepId, status, reason, resultNote, version));
	}

	@PostMapping("/incidents/{id}/checklist/steps/{stepId}/assignee")
	String assign(@PathVariable long id, @PathVariable long stepId, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) Long version, @RequestParam(defaultValue = "incident") String back,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		return act(id, stepId, back, htmx, model, redirect, response, locale,
				() -> this.checklists.assign(id, stepId, assignee, version));
	}

	@PostMapping("/incidents/{id}/checklist/steps/{stepId}/due")
	String due(@PathVariable long id, @PathVariable long stepId, @RequestParam(required = false) String dueAt,
			@RequestParam(required = false) Long version, @RequestParam(defaultValue = "step") String back,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		return act(id, stepId, back, htmx, model, redirect, response, locale,
				() -> this.checklists.reschedule(id, stepId, localTime(dueAt, "dueAt"), version));
	}

	/** When the leak was recognised, from a reporting step's page. */
	@PostMapping("/incidents/{id}/checklist/steps/{stepId}/leak-recognised")
	String leakRecognised(@PathVariable long id, @PathVariable long stepId,
			@RequestParam(required = false) String recognisedAt, RedirectAttributes redirect, Model model,
			HttpServletResponse response, Locale locale) {
		return act(id, stepId, "step", null, model, redirect, response, locale, () -> {
			this.lifecycle.recogniseLeak(id, localTime(recognisedAt, "recognisedAt"));
			return this.checklists.step(id, stepId);
		});
	}

	@PostMapping("/incidents/{id}/checklist/steps/{stepId}/evidence")
	String evidence(@PathVariable long id, @PathVariable long stepId,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
			Locale locale) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw StepRules.fieldError("file", "checklist.evidence.missing");
			}
			this.records.addEvidence(id, stepId, file.getOriginalFilename(), file.getBytes());
			redirect.addFlashAttribute("success", "checklist.evidence.added");
		}
		catch (InvalidRequestException | ConflictException ex) {
			flashError(redirect, ex, locale);
		}
		return "redirect:/incidents/" + id + "/checklist/steps/" + stepId + "#evidence";
	}

	@GetMapping("/incidents/{id}/checklist/steps/{stepId}/evidence/{evidenceId}")
	@PreAuthorize("@may.downloadOriginals()")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long stepId, @PathVariable long evidenceId) {
		EvidenceStore.Download file = this.records.evidence(id, stepId, evidenceId);
		return Downloads.untrusted(file.fileName(), file.content());
	}

	@PostMapping("/incidents/{id}/checklist/steps/{stepId}/ledger")
	String addCredential(@PathVariable long id, @PathVariable long stepId,
			@RequestParam(required = false) CredentialKind accountKind, @RequestParam(required = false) String account,
			@RequestParam(defaultValue = "false") boolean cleanDevice, RedirectAttributes redirect, Locale locale) {
		try {
			this.records.addCredential(id, stepId, accountKind, account, cleanDevice);
		}
		catch (InvalidRequestException | ConflictException ex) {
			flashError(redirect, ex, locale);
			redirect.addFlashAttribute("ledgerAccount", account);
		}
		return "redirect:/incidents/" + id + "/checklist/steps/" + stepId + "#ledger";
	}

	@PostMapping("/incidents/{id}/checklist/steps/{stepId}/ledger/{rowId}/confirm")
	String confirmCredential(@PathVariable long id, @PathVariable long stepId, @PathVariable long rowId) {
		this.records.confirmCredential(id, stepId, rowId);
		return "redirect:/incidents/" + id + "/checklist/steps/" + stepId + "#ledger";
	}

	@PostMapping("/incidents/{id}/checklist/steps")
	String addStep(@PathVariable long id, @RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) String guidance, @RequestParam(required = false) Phase phase,
			@RequestParam(defaultValue = "false") boolean required, @RequestParam(required = false) String dueAt,
			@RequestParam(required = false) String assignee, RedirectAttributes redirect, Locale locale) {
		try {
			StepView step = this.checklists.addStep(id, new Checklists.NewStep(title, guidance, phase, null, required,
					false, localTime(dueAt, "dueAt"), assignee));
			return "redirect:/incidents/" + id + "#step-" + step.id();
		}
		catch (InvalidRequestException | ConflictException ex) {
			flashError(redirect, ex, locale);
			redirect.addFlashAttribute("newStepTitle", title);
			return "redirect:/incidents/" + id + "#checklist";
		}
	}

	@PostMapping("/incidents/{id}/checklist/playbook")
	String swap(@PathVariable long id, @RequestParam long playbookId,
			@RequestParam(defaultValue = "ja") String language, @RequestParam(defaultValue = "false") boolean confirmed,
			RedirectAttributes redirect) {
		if (!confirmed) {
			redirect.addFlashAttribute("failure", "checklist.swap.confirm");
			return "redirect:/incidents/" + id + "#checklist";
		}
		this.lifecycle.swap(id, playbookId, "en".equals(language) ? "en" : "ja");
		redirect.addFlashAttribute("success", "checklist.swap.done");
		return "redirect:/incidents/" + id + "#checklist";
	}

	/**
	 * Runs a step action and answers the way the request came: the row for htmx, a
	 * redirect for a plain form. Refusals become a message on the step.
	 */
	private String act(long id, long stepId, String back, String htmx, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale, Supplier<StepView> action) {
		String error = null;
		String errorField = null;
		HttpStatus status = HttpStatus.OK;
		try {
			action.get();
		}
		catch (InvalidRequestException ex) {
			FieldError field = ex.errors().getFieldError();
			error = this.messages.getMessage(field, locale);
			errorField = field.getField();
			status = HttpStatus.UNPROCESSABLE_CONTENT;
		}
		catch (ConflictException | EditConflictException | ObjectOptimisticLockingFailureException ex) {
			error = this.conflicts.of(ex, locale);
			status = HttpStatus.CONFLICT;
		}
		catch (AccessDeniedException ex) {
			error = this.messages.getMessage("checklist.step.notAllowed", null, locale);
			status = HttpStatus.FORBIDDEN;
		}
		String target = "/incidents/" + id + ("step".equals(back) ? "/checklist/steps/" + stepId : "#step-" + stepId);
		if (htmx == null) {
			if (error != null) {
				redirect.addFlashAttribute("stepError", error);
				redirect.addFlashAttribute("stepErrorField", errorField);
				redirect.addFlashAttribute("stepErrorId", stepId);
			}
			else {
				redirect.addFlashAttribute("success", "checklist.step.saved");
			}
			return "redirect:" + target;
		}
		response.setStatus(status.value());
		IncidentView incident = this.incidents.get(id);
		model.addAttribute("step", this.checklists.step(id, stepId));
		model.addAttribute("checklist", this.checklists.of(id).orElse(null));
		model.addAttribute("ctx", this.panel.context(id, incident.status().isOpen()));
		model.addAttribute("zone", this.identities.current().zoneId());
		model.addAttribute("stepError", error);
		model.addAttribute("stepErrorId", stepId);
		return "checklist/panel :: updated";
	}

	private void flashError(RedirectAttributes redirect, RuntimeException ex, Locale locale) {
		if (ex instanceof InvalidRequestException invalid) {
			FieldError field = invalid.errors().getFieldError();
			redirect.addFlashAttribute("stepError", this.messages.getMessage(field, locale));
			redirect.addFlashAttribute("stepErrorField", field.getField());
		}
		else {
			redirect.addFlashAttribute("stepError", this.conflicts.of(ex, locale));
		}
	}

	/** A datetime-local field, in the company's time zone. */
	private Instant localTime(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(this.identities.current().zoneId()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw StepRules.fieldError(field, "checklist.step.dueInvalid");
		}
	}

}
