package io.spoofdesk.mailbox;

import java.util.List;

import io.spoofdesk.incident.Incidents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's correspondence through the reporting mailbox, as JSON. */
@RestController
@Tag(name = "Mailbox", description = "Reports and replies that came in through the reporting mailbox.")
@PreAuthorize("@may.seeCases()")
class CorrespondenceApiController {

	private final Correspondence correspondence;

	private final Incidents incidents;

	CorrespondenceApiController(Correspondence correspondence, Incidents incidents) {
		this.correspondence = correspondence;
		this.incidents = incidents;
	}

	@Operation(summary = "List an incident's correspondence, oldest first")
	@GetMapping("/api/v1/incidents/{id}/correspondence")
	List<Correspondence.Entry> correspondence(@PathVariable long id) {
		this.incidents.get(id);
		return this.correspondence.of(id);
	}

}
