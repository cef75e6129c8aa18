package io.spoofdesk.partner;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

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

/** {@code /api/v1/partners}: the partner directory for scripts. */
@Tag(name = "Partners", description = "Business partners, their mail domains and contacts.")
@RestController
@RequestMapping("/api/v1/partners")
@PreAuthorize("hasAnyRole('HELPDESK','STAFF','MANAGER','ADMIN')")
class PartnerApiController {

	private final PartnerDirectory directory;

	PartnerApiController(PartnerDirectory directory) {
		this.directory = directory;
	}

	@Operation(summary = "Search partners")
	@GetMapping
	List<PartnerView> list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "100") int limit) {
		return this.directory.search(q, Math.max(1, Math.min(limit, 1000)));
	}

	@Operation(summary = "Get a partner")
	@GetMapping("/{id}")
	PartnerView get(@PathVariable long id) {
		return this.directory.get(id);
	}

	@Operation(summary = "Add a partner")
	@PostMapping
	@PreAuthorize(PartnerController.EDITORS)
	ResponseEntity<PartnerView> create(@Valid @RequestBody PartnerCommand command) {
		PartnerView created = this.directory.create(command);
		return ResponseEntity.created(URI.create("/api/v1/partners/" + created.id())).body(created);
	}

	@Operation(summary = "Update a partner")
	@PutMapping("/{id}")
	@PreAuthorize(PartnerController.EDITORS)
	PartnerView update(@PathVariable long id, @Valid @RequestBody PartnerCommand command) {
		return this.directory.update(id, command);
	}

}
