package io.spoofdesk.checklist;

import io.spoofdesk.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playbook editing for administrators, as on the admin pages: the body is the page's form
 * (names, descriptions, {@code active}, and the steps with {@code dueHours}); saving
 * makes a new version when nobody saved one since {@code version} (else 409), and
 * checklists already started keep theirs. Reading a playbook is open to every role, as
 * the list is.
 */
@Tag(name = "Checklists")
@RestController
@RequestMapping("/api/v1/playbooks")
@PreAuthorize("@may.seeCases()")
class PlaybookApiController {

	private final Playbooks playbooks;

	PlaybookApiController(Playbooks playbooks) {
		this.playbooks = playbooks;
	}

	@Operation(summary = "Get a playbook's current version")
	@GetMapping("/{id}")
	PlaybookDefinition get(@PathVariable long id) {
		return this.playbooks.current(id);
	}

	@Operation(summary = "Create a playbook")
	@PostMapping
	@PreAuthorize("@may.administer()")
	ResponseEntity<PlaybookDefinition> create(@RequestBody PlaybookForm form) {
		long id = this.playbooks.create(validated(form).content());
		return ResponseEntity.status(201).body(this.playbooks.current(id));
	}

	@Operation(summary = "Save a new version of a playbook")
	@PutMapping("/{id}")
	@PreAuthorize("@may.administer()")
	PlaybookDefinition save(@PathVariable long id, @RequestBody PlaybookForm form) {
		this.playbooks.save(id, (form.getVersion() != null) ? form.getVersion() : -1, validated(form).content());
		return this.playbooks.current(id);
	}

	@Operation(summary = "Make a playbook the default for new incidents")
	@PostMapping("/{id}/default")
	@PreAuthorize("@may.administer()")
	PlaybookDefinition makeDefault(@PathVariable long id) {
		this.playbooks.makeDefault(id);
		return this.playbooks.current(id);
	}

	private static PlaybookForm validated(PlaybookForm form) {
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "playbook");
		form.validate(errors);
		if (errors.hasErrors()) {
			throw new InvalidRequestException(errors);
		}
		return form;
	}

}
