package io.spoofdesk.warningmail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Permissions;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.ConflictMessages;
import io.spoofdesk.shared.Csv;
import io.spoofdesk.shared.EditConflictException;
import io.spoofdesk.shared.InvalidRequestException;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Warning-mail pages: generate a batch from an address list, the batch page (submit,
 * approve or return, queue for SMTP, download), and editing one draft. Refusals come back
 * as messages on the page; nothing typed is lost.
 */
@Controller
class WarningController {

	private final WarningDrafts drafts;

	private final WarningTexts texts;

	private final DraftMail mail;

	private final WarningQueries queries;

	private final DraftWorkflow workflow;

	private final BatchReview review;

	private final DraftSender sender;

	private final Incidents incidents;

	private final MessageSource messages;

	private final ConflictMessages conflicts;

	private final CompanyIdentityService identities;

	WarningController(WarningDrafts drafts, WarningTexts texts, DraftMail mail, WarningQueries queries,
			DraftWorkflow workflow, BatchReview review, DraftSender sender, Incidents incidents, MessageSource messages,
			ConflictMessages conflicts, CompanyIdentityService identities) {
		this.identities = identities;
		this.drafts = drafts;
		this.texts = texts;
		this.mail = mail;
		this.queries = queries;
		this.workflow = workflow;
		this.review = review;
		this.sender = sender;
		this.incidents = incidents;
		this.messages = messages;
		this.conflicts = conflicts;
	}

	@PostMapping("/incidents/{id}/warnings")
	String generate(@PathVariable long id, @RequestParam(defaultValue = "ja") String language,
			@RequestParam(defaultValue = "") String addressList,
			@RequestParam(name = "addressFile", required = false) MultipartFile addressFile,
			@RequestParam(defaultValue = "") String fromAddress, @RequestParam(required = false) String fromName,
			@RequestParam(required = false) String contactPerson, @RequestParam(required = false) String contactPhone,
			@RequestParam(required = false) String contactEmail,
			@RequestParam(defaultValue = "false") boolean includeReporter,
			@RequestParam(defaultValue = "false") boolean includeAlreadyWarned,
			@RequestParam(defaultValue = "PARTNER_WARNING") Purpose purpose, RedirectAttributes redirect, Locale locale)
			throws IOException {
		String addresses = addressList;
		if (addressFile != null && !addressFile.isEmpty()) {
			// Outlook exports Shift_JIS, Thunderbird UTF-8: read as the partner CSV is
			addresses = addresses + "\n" + Csv.decode(addressFile.getBytes());
		}
		try {
			Long reporter = this.incidents.get(id).partnerId();
			BatchView batch = this.drafts.generate(id,
					new WarningDrafts.Generation(language, addresses, fromAddress, fromName, contactPerson,
							contactPhone, contactEmail,
							(includeReporter && reporter != null && purpose == Purpose.PARTNER_WARNING)
									? List.of(reporter) : List.of(),
							includeAlreadyWarned, purpose));
			RecipientList.Reading reading = RecipientList.reading(addresses,
					(purpose == Purpose.STAFF_NOTICE) ? domain -> false : this.identities.current()::isOurDomain);
			if (reading.leftSomethingOut()) {
				redirect.addFlashAttribute("addressReading", reading);
			}
			return "redirect:/incidents/" + id + "/warnings/" + batch.id();
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("warningErrors", messagesOf(ex, locale));
			redirect.addFlashAttribute("warningAddressList", addressList);
			return "redirect:/incidents/" + id + "#warnings";
		}
	}

	@GetMapping("/incidents/{id}/warnings/{batchId}")
	String batch(@PathVariable long id, @PathVariable long batchId, Model model) {
		model.addAttribute("incident", this.incidents.get(id));
		model.addAttribute("batch", this.queries.batch(id, batchId));
		model.addAttribute("canDraft", Permissions.allowed(Permission.DRAFT_WARNINGS));
		model.addAttribute("isManager", Permissions.allowed(Permission.APPROVE_WARNINGS));
		model.addAttribute("smtp", this.sender.available());
		return "warningmail/batch";
	}

	@PostMapping("/incidents/{id}/warnings/{batchId}/{action:submit|withdraw|approve|return|queue}")
	String decide(@PathVariable long id, @PathVariable long batchId, @PathVariable String action,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String reviewedVersions,
			RedirectAttributes redirect, Locale locale) {
		try {
			switch (action) {
				case "submit" -> this.review.submit(id, batchId);
				case "withdraw" -> this.review.withdraw(id, batchId);
				case "approve" -> this.review.approve(id, batchId, reviewedVersions);
				case "return" -> this.review.sendBack(id, batchId, reason);
				default -> this.review.queue(id, batchId);
			}
			redirect.addFlashAttribute("success", "warning.batch." + action + ".done");
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("warningErrors", messagesOf(ex, locale));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/incidents/" + id + "/warnings/" + batchId;
	}

	/** The website notice for this incident, filled in, as text and as HTML to copy. */
	@GetMapping("/incidents/{id}/warnings/notice")
	String notice(@PathVariable long id, @RequestParam(defaultValue = "ja") String language,
			@RequestParam(required = false) String contactPerson, @RequestParam(required = false) String contactPhone,
			Model model) {
		model.addAttribute("incident", this.incidents.get(id));
		model.addAttribute("language", "en".equals(language) ? "en" : "ja");
		model.addAttribute("contactPerson", contactPerson);
		model.addAttribute("contactPhone", contactPhone);
		model.addAttribute("notice", this.texts.websiteNotice(id, language, contactPerson, contactPhone));
		return "warningmail/notice";
	}

	@PostMapping("/incidents/{id}/warnings/{batchId}/drafts/{draftId}/{action:cancel|mark-sent|register-partner}")
	String draftAction(@PathVariable long id, @PathVariable long batchId, @PathVariable long draftId,
			@PathVariable String action, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			if ("cancel".equals(action)) {
				this.workflow.cancel(id, draftId, reason);
			}
			else if ("register-partner".equals(action)) {
				this.drafts.registerPartner(id, draftId);
				redirect.addFlashAttribute("success", "warning.partner.registered");
			}
			else {
				this.workflow.markSent(id, draftId);
			}
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("failure", "warning.draft.cancelReasonRequired");
		}
		return "redirect:/incidents/" + id + "/warnings/" + batchId + "#draft-" + draftId;
	}

	@GetMapping("/incidents/{id}/warnings/{batchId}/drafts/{draftId}")
	String editForm(@PathVariable long id, @PathVariable long batchId, @PathVariable long draftId, Model model) {
		DraftView draft = this.queries.draft(id, draftId);
		model.addAttribute("incident", this.incidents.get(id));
		model.addAttribute("draft", draft);
		model.addAttribute("toAddress", draft.toAddress());
		model.addAttribute("ccAddresses", String.join("\n", draft.ccAddresses()));
		model.addAttribute("subject", draft.subject());
		model.addAttribute("body", draft.body());
		return "warningmail/draft";
	}

	@PostMapping("/incidents/{id}/warnings/{batchId}/drafts/{draftId}")
	String edit(@PathVariable long id, @PathVariable long batchId, @PathVariable long draftId,
			@RequestParam(defaultValue = "") String toAddress, @RequestParam(defaultValue = "") String ccAddresses,
			@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
			@RequestParam(required = false) Long version, Model model, RedirectAttributes redirect, Locale locale) {
		try {
			this.workflow.edit(id, draftId, toAddress, Arrays.asList(ccAddresses.split("[\\s,;]+")), subject, body,
					version);
			redirect.addFlashAttribute("success", "warning.draft.saved");
			return "redirect:/incidents/" + id + "/warnings/" + batchId + "#draft-" + draftId;
		}
		catch (InvalidRequestException | ConflictException | EditConflictException ex) {
			model.addAttribute("warningErrors", (ex instanceof InvalidRequestException invalid)
					? messagesOf(invalid, locale) : List.of(this.conflicts.of(ex, locale)));
			model.addAttribute("incident", this.incidents.get(id));
			model.addAttribute("draft", this.queries.draft(id, draftId));
			model.addAttribute("toAddress", toAddress);
			model.addAttribute("ccAddresses", ccAddresses);
			model.addAttribute("subject", subject);
			model.addAttribute("body", body);
			return "warningmail/draft";
		}
	}

	@GetMapping("/incidents/{id}/warnings/{batchId}/drafts/{draftId}.eml")
	ResponseEntity<byte[]> eml(@PathVariable long id, @PathVariable long batchId, @PathVariable long draftId) {
		DraftView draft = this.queries.draft(id, draftId);
		return attachment(this.mail.eml(id, draftId), fileName(draft), "message/rfc822");
	}

	@GetMapping("/incidents/{id}/warnings/{batchId}/drafts.zip")
	ResponseEntity<byte[]> zip(@PathVariable long id, @PathVariable long batchId) throws IOException {
		BatchView batch = this.queries.batch(id, batchId);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (DraftView draft : batch.drafts()) {
				if (draft.status().isApprovedContent() && !draft.status().isWarned()) {
					zip.putNextEntry(new ZipEntry(fileName(draft)));
					zip.write(this.mail.eml(id, draft.id()));
					zip.closeEntry();
				}
			}
		}
		return attachment(bytes.toByteArray(), "warnings-" + batchId + ".zip", "application/zip");
	}

	private static String fileName(DraftView draft) {
		return "warning-" + draft.id() + "-" + draft.toAddress().replaceAll("[^A-Za-z0-9@._-]", "_") + ".eml";
	}

	private static ResponseEntity<byte[]> attachment(byte[] content, String fileName, String type) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	private List<String> messagesOf(InvalidRequestException ex, Locale locale) {
		return ex.errors()
			.getFieldErrors()
			.stream()
			.map((FieldError error) -> this.messages.getMessage(error, locale))
			.toList();
	}

}
