package io.spoofdesk.partner;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.Csv;
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
@PreAuthorize("@may.seeCases()")
class PartnerApiController {

	private final PartnerDirectory directory;

	private final PartnerCsv csv;

	PartnerApiController(PartnerDirectory directory, PartnerCsv csv) {
		this.directory = directory;
		this.csv = csv;
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
	@PreAuthorize("@may.editCases()")
	ResponseEntity<PartnerView> create(@Valid @RequestBody PartnerCommand command) {
		PartnerView created = this.directory.create(command);
		return ResponseEntity.created(URI.create("/api/v1/partners/" + created.id())).body(created);
	}

	@Operation(summary = "Update a partner")
	@PutMapping("/{id}")
	@PreAuthorize("@may.editCases()")
	PartnerView update(@PathVariable long id, @Valid @RequestBody PartnerCommand command) {
		return this.directory.update(id, command);
	}

	/**
	 * Imports partners from a CSV file as the import page does (UTF-8 or Shift_JIS, the
	 * export's columns): every valid row is created, every invalid one is answered with
	 * its line and what is wrong; with {@code dryRun=true} nothing is created.
	 */
	@Operation(summary = "Import partners from CSV")
	@PostMapping(path = "/import", consumes = { "text/csv", "application/octet-stream" })
	@PreAuthorize("@may.editCases()")
	ImportResult importCsv(@RequestBody byte[] file, @RequestParam(defaultValue = "false") boolean dryRun) {
		if (file.length == 0 || file.length > PartnerCsvController.MAX_CSV_BYTES) {
			throw new ConflictException((file.length == 0) ? "partner.import.empty" : "partner.import.tooLarge");
		}
		PartnerCsv.ImportPreview preview = this.csv.preview(Csv.decode(file));
		if (!preview.fileErrors().isEmpty()) {
			throw new ConflictException(preview.fileErrors().get(0));
		}
		int created = dryRun ? 0 : this.directory.createAll(preview.validCommands());
		List<RefusedRow> refused = preview.rows()
			.stream()
			.filter(row -> !row.valid())
			.map(row -> new RefusedRow(row.line(), row.errors()))
			.toList();
		return new ImportResult(dryRun, preview.validCount(), created, refused);
	}

	/** Merges a duplicate partner into this one (its domains, contacts and incidents). */
	@Operation(summary = "Merge a duplicate into a partner")
	@PostMapping("/{id}/merge")
	@PreAuthorize("@may.editCases()")
	PartnerView merge(@PathVariable long id, @Valid @RequestBody MergeRequest request) {
		this.directory.merge(id, request.duplicateId());
		return this.directory.get(id);
	}

	/** What an import did: rows it could take, partners created, rows refused and why. */
	record ImportResult(boolean dryRun, long validRows, int created, List<RefusedRow> refused) {

	}

	/** A row of the file that was not imported: its line and its problems. */
	record RefusedRow(int line, List<String> errors) {

	}

	record MergeRequest(@NotNull Long duplicateId) {

	}

}
