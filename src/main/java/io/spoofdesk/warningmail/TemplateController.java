package io.spoofdesk.warningmail;

import java.util.List;
import java.util.Locale;

import io.spoofdesk.shared.InvalidRequestException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for mail templates: the list, editing one with its placeholders listed, and
 * a live preview with sample data (htmx), always shown as text.
 */
@Controller
@PreAuthorize("@may.administer()")
class TemplateController {

	private final MailTemplates templates;

	private final MessageSource messages;

	TemplateController(MailTemplates templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	@GetMapping("/admin/templates")
	String list(Model model) {
		model.addAttribute("templates", this.templates.all());
		return "warningmail/templates";
	}

	@GetMapping("/admin/templates/{id}")
	String edit(@PathVariable long id, Model model) {
		MailTemplate template = this.templates.get(id);
		return form(template, template.subject(), template.body(), template.version(), model);
	}

	@PostMapping("/admin/templates/{id}")
	String save(@PathVariable long id, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String body, @RequestParam(required = false) Long version, Model model,
			RedirectAttributes redirect, Locale locale) {
		try {
			this.templates.save(id, subject, body, version);
			redirect.addFlashAttribute("success", "template.saved");
			return "redirect:/admin/templates/" + id;
		}
		catch (InvalidRequestException ex) {
			for (FieldError error : ex.errors().getFieldErrors()) {
				model.addAttribute(error.getField() + "Error", this.messages.getMessage(error, locale));
			}
			return form(this.templates.get(id), subject, body, version, model);
		}
	}

	/** The live preview: the template filled with sample values, as text. */
	@PostMapping("/admin/templates/preview")
	String preview(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "ja") String language,
			@RequestParam(defaultValue = "PARTNER_WARNING") Purpose purpose, Model model, Locale locale) {
		try {
			Rendered rendered = this.templates.preview(subject, body, "en".equals(language) ? "en" : "ja");
			model.addAttribute("preview", rendered);
			model.addAttribute("previewHtml", (purpose == Purpose.WEBSITE_NOTICE) ? rendered.html() : null);
			model.addAttribute("previewErrors", List.of());
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("preview", null);
			model.addAttribute("previewHtml", null);
			model.addAttribute("previewErrors",
					ex.errors()
						.getFieldErrors()
						.stream()
						.map(error -> this.messages.getMessage(error, locale))
						.toList());
		}
		return "warningmail/template-form :: preview";
	}

	private String form(MailTemplate template, String subject, String body, Long version, Model model) {
		model.addAttribute("template", template);
		model.addAttribute("subject", subject);
		model.addAttribute("body", body);
		model.addAttribute("version", version);
		model.addAttribute("placeholders", Placeholders.ALL.stream().sorted().toList());
		if (!model.containsAttribute("preview")) {
			try {
				Rendered rendered = this.templates.preview(subject, body, template.language());
				model.addAttribute("preview", rendered);
				model.addAttribute("previewHtml",
						(template.purpose() == Purpose.WEBSITE_NOTICE) ? rendered.html() : null);
			}
			catch (InvalidRequestException ex) {
				model.addAttribute("preview", null);
				model.addAttribute("previewHtml", null);
			}
		}
		model.addAttribute("previewErrors", List.of());
		return "warningmail/template-form";
	}

}
