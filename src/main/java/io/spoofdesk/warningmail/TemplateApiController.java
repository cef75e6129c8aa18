package io.spoofdesk.warningmail;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/mail-templates}: everyone reads the templates (drafting needs them);
 * admins change them and preview changes with sample data. An invalid template answers
 * 400 naming the problems and the valid placeholders.
 */
@Tag(name = "Mail templates", description = "Templates of warning mail and notices (admins edit them).")
@RestController
@RequestMapping("/api/v1/mail-templates")
@PreAuthorize("@may.seeCases()")
class TemplateApiController {

	private final MailTemplates templates;

	TemplateApiController(MailTemplates templates) {
		this.templates = templates;
	}

	@Operation(summary = "List mail templates")
	@GetMapping
	List<MailTemplate> all() {
		return this.templates.all();
	}

	@Operation(summary = "Get a mail template")
	@GetMapping("/{id}")
	MailTemplate one(@PathVariable long id) {
		return this.templates.get(id);
	}

	@Operation(summary = "Change a mail template")
	@PutMapping("/{id}")
	@PreAuthorize("@may.administer()")
	MailTemplate save(@PathVariable long id, @RequestBody TemplateBody body) {
		return this.templates.save(id, body.subject(), body.body(), body.version());
	}

	@Operation(summary = "Preview a template with sample values")
	@PostMapping("/preview")
	@PreAuthorize("@may.administer()")
	PreviewAnswer preview(@RequestBody PreviewBody body) {
		Rendered rendered = this.templates.preview(body.subject(), body.body(),
				"en".equals(body.language()) ? "en" : "ja");
		return new PreviewAnswer(rendered.subject(), rendered.body(), rendered.html());
	}

	record TemplateBody(String subject, String body, Long version) {

	}

	record PreviewBody(String subject, String body, String language) {

	}

	record PreviewAnswer(String subject, String body, String html) {

	}

}
