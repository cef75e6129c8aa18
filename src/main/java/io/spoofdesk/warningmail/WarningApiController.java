package io.spoofdesk.warningmail;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
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

/**
 * Warning drafts under {@code /api/v1/incidents/{id}/warnings}: generate a batch from an
 * address list, read it, submit, approve, return, queue; edit, cancel, mark sent and
 * download single drafts. The same rules and roles as the pages.
 */
@Tag(name = "Warning mail", description = "Warning-mail batches and their drafts: generate, review, approve, send.")
@RestController
@RequestMapping("/api/v1/incidents/{id}/warnings")
@PreAuthorize("@may.seeCases()")
class WarningApiController {

	private final WarningDrafts drafts;

	private final WarningTexts texts;

	private final DraftMail mail;

	private final WarningQueries queries;

	private final DraftWorkflow workflow;

	private final BatchReview review;

	WarningApiController(WarningDrafts drafts, WarningTexts texts, DraftMail mail, WarningQueries queries,
			DraftWorkflow workflow, BatchReview review) {
		this.drafts = drafts;
		this.texts = texts;
		this.mail = mail;
		this.queries = queries;
		this.workflow = workflow;
		this.review = review;
	}

	@Operation(summary = "Generate a batch of drafts")
	@PostMapping
	ResponseEntity<BatchView> generate(@PathVariable long id, @RequestBody WarningDrafts.Generation body) {
		BatchView batch = this.drafts.generate(id, body);
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/warnings/" + batch.id())).body(batch);
	}

	@Operation(summary = "List an incident's batches")
	@GetMapping
	List<BatchView> batches(@PathVariable long id) {
		return this.queries.batchesOf(id);
	}

	@Operation(summary = "Get a batch")
	@GetMapping("/{batchId}")
	BatchView batch(@PathVariable long id, @PathVariable long batchId) {
		return this.queries.batch(id, batchId);
	}

	@Operation(summary = "Submit, withdraw, approve, return or queue a batch")
	@PostMapping("/{batchId}/{action:submit|withdraw|approve|return|queue}")
	Object decide(@PathVariable long id, @PathVariable long batchId, @PathVariable String action,
			@RequestBody(required = false) Map<String, String> body) {
		return switch (action) {
			case "submit" -> this.review.submit(id, batchId);
			case "withdraw" -> this.review.withdraw(id, batchId);
			case "approve" -> this.review.approve(id, batchId, (body != null) ? body.get("reviewedVersions") : null);
			case "return" -> this.review.sendBack(id, batchId, (body != null) ? body.get("reason") : null);
			default -> Map.of("queued", this.review.queue(id, batchId));
		};
	}

	@Operation(summary = "Edit a draft")
	@PutMapping("/drafts/{draftId}")
	DraftView edit(@PathVariable long id, @PathVariable long draftId, @RequestBody DraftBody body) {
		return this.workflow.edit(id, draftId, body.toAddress(), body.ccAddresses(), body.subject(), body.body(),
				body.version());
	}

	@Operation(summary = "Cancel a draft, mark it sent or register its partner")
	@PostMapping("/drafts/{draftId}/{action:cancel|mark-sent|register-partner}")
	DraftView draftAction(@PathVariable long id, @PathVariable long draftId, @PathVariable String action,
			@RequestBody(required = false) Map<String, String> body) {
		return switch (action) {
			case "cancel" -> this.workflow.cancel(id, draftId, (body != null) ? body.get("reason") : null);
			case "register-partner" -> this.drafts.registerPartner(id, draftId);
			default -> this.workflow.markSent(id, draftId);
		};
	}

	/** The incident's website notice: text and an HTML block made from it. */
	@Operation(summary = "Get the website notice text")
	@GetMapping("/notice")
	Map<String, String> notice(@PathVariable long id, @RequestParam(defaultValue = "ja") String language) {
		Rendered notice = this.texts.websiteNotice(id, language, null, null);
		return Map.of("subject", notice.subject(), "body", notice.body(), "html", notice.html());
	}

	@Operation(summary = "Download a draft as an .eml file")
	@GetMapping("/drafts/{draftId}/eml")
	ResponseEntity<byte[]> eml(@PathVariable long id, @PathVariable long draftId) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("message/rfc822"))
			.body(this.mail.eml(id, draftId));
	}

	record DraftBody(String toAddress, List<String> ccAddresses, String subject, String body, Long version) {

	}

}
