package io.spoofdesk.incident;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.spoofdesk.shared.CompanyTimeZone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/incidents}: the same operations as the pages, as JSON. */
@Tag(name = "Incidents", description = "Reported spoofed-mail incidents, their status and notes.")
@RestController
@RequestMapping("/api/v1/incidents")
@PreAuthorize("@may.seeCases()")
class IncidentApiController {

	private final Incidents incidents;

	private final IncidentList list;

	private final CompanyTimeZone timeZone;

	private final IncidentRelations relations;

	IncidentApiController(Incidents incidents, IncidentList list, CompanyTimeZone timeZone,
			IncidentRelations relations) {
		this.relations = relations;
		this.incidents = incidents;
		this.list = list;
		this.timeZone = timeZone;
	}

	/**
	 * A page of at most 100 rows; {@code next} is the cursor to pass as {@code after}, if
	 * more.
	 */
	@Operation(summary = "List incidents")
	@GetMapping
	Page list(@ModelAttribute IncidentFilter filter) {
		List<IncidentRow> rows = this.list.find(filter, this.timeZone.zoneId(), 101);
		boolean more = rows.size() > 100;
		List<IncidentRow> page = more ? rows.subList(0, 100) : rows;
		return new Page(page, more ? page.get(page.size() - 1).cursor() : null);
	}

	@Operation(summary = "Get an incident")
	@GetMapping("/{id}")
	IncidentView get(@PathVariable long id) {
		return this.incidents.get(id);
	}

	@Operation(summary = "Report an incident")
	@PostMapping
	@PreAuthorize("@may.editCases()")
	ResponseEntity<IncidentView> create(@Valid @RequestBody IncidentCommand command) {
		IncidentView created = this.incidents.open(command);
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + created.id())).body(created);
	}

	@Operation(summary = "Update an incident")
	@PutMapping("/{id}")
	@PreAuthorize("@may.editCases()")
	IncidentView update(@PathVariable long id, @Valid @RequestBody IncidentCommand command) {
		return this.incidents.update(id, command);
	}

	@Operation(summary = "Change an incident's status")
	@PostMapping("/{id}/status")
	@PreAuthorize("@may.moveCases()")
	IncidentView changeStatus(@PathVariable long id, @Valid @RequestBody StatusRequest request) {
		return this.incidents.changeStatus(id, request.status(), request.reason(), request.version());
	}

	@Operation(summary = "List an incident's related incidents")
	@GetMapping("/{id}/links")
	List<IncidentRow> links(@PathVariable long id) {
		this.incidents.get(id);
		return this.relations.linked(id);
	}

	/**
	 * Links a related incident (the same campaign), named by its reference, as the case
	 * page does; answers the incident's related incidents.
	 */
	@Operation(summary = "Link a related incident")
	@PostMapping("/{id}/links")
	@PreAuthorize("@may.editCases()")
	List<IncidentRow> link(@PathVariable long id, @Valid @RequestBody LinkRequest request) {
		this.incidents.link(id, request.reference());
		return this.relations.linked(id);
	}

	@Operation(summary = "List an incident's notes")
	@GetMapping("/{id}/notes")
	List<IncidentNote.NoteView> notes(@PathVariable long id) {
		return this.incidents.notesOf(id);
	}

	@Operation(summary = "Add a note to an incident")
	@PostMapping("/{id}/notes")
	@PreAuthorize("@may.addNotes()")
	ResponseEntity<IncidentNote.NoteView> addNote(@PathVariable long id, @Valid @RequestBody NoteRequest request) {
		return ResponseEntity.status(201).body(this.incidents.addNote(id, request.body()));
	}

	record Page(List<IncidentRow> items, String next) {

	}

	record StatusRequest(@NotNull IncidentStatus status, @Size(max = 2000) String reason, Long version) {

	}

	record NoteRequest(@NotBlank @Size(max = 10000) String body) {

	}

	record LinkRequest(@NotBlank @Size(max = 32) String reference) {

	}

}
