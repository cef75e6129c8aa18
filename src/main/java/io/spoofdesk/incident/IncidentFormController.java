package io.spoofdesk.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.shared.ConflictException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report form: a new incident (blank, or filled in from an uploaded mail) and the
 * edit of an existing one, with the field-by-field errors of its validation.
 */
@Controller
@RequestMapping("/incidents")
class IncidentFormController {

	private static final String FORM = "incident/form";

	/** Which service refusal belongs to which form field. */
	private static final Map<String, String> REFUSAL_FIELDS = Map.of("incident.partner.unknown", "partnerId",
			"incident.contact.unknown", "contactId", "incident.assignee.unknown", "assignee");

	private final Incidents incidents;

	private final PartnerDirectory partners;

	private final UserAccounts users;

	private final CompanyTimeZone timeZone;

	private final SmartValidator validator;

	private final Clock clock;

	private final List<IncidentSource> sources;

	private final List<IncidentStartOption> startOptions;

	IncidentFormController(Incidents incidents, PartnerDirectory partners, UserAccounts users, CompanyTimeZone timeZone,
			SmartValidator validator, Clock clock, List<IncidentSource> sources,
			List<IncidentStartOption> startOptions) {
		this.incidents = incidents;
		this.partners = partners;
		this.users = users;
		this.timeZone = timeZone;
		this.validator = validator;
		this.clock = clock;
		this.sources = sources;
		this.startOptions = startOptions;
	}

	@GetMapping("/new")
	@PreAuthorize("@may.editCases()")
	String newIncident(@RequestParam(required = false) String source, Model model) {
		IncidentForm form = IncidentForm.blank(Instant.now(this.clock), this.timeZone.zoneId());
		if (source != null) {
			for (IncidentSource candidate : this.sources) {
				candidate.prefill(source).ifPresent(prefill -> {
					form.prefill(prefill, source, this.timeZone.zoneId());
					model.addAttribute("sourceOrigin", prefill.origin());
				});
			}
		}
		return form(form, model);
	}

	@PostMapping
	@PreAuthorize("@may.editCases()")
	String create(@ModelAttribute("form") IncidentForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpSession session) {
		Optional<Long> filed = FiledReports.incidentFiledBy(session, form.getSubmission());
		if (filed.isPresent()) {
			redirect.addFlashAttribute("failure", "incident.alreadyFiled");
			return "redirect:/incidents/" + filed.get();
		}
		IncidentCommand command = validated(form, result);
		if (result.hasErrors()) {
			return form(form, model);
		}
		try {
			IncidentView created = this.incidents.openFrom(command,
					form.wantsNewPartner() ? form.getNewPartnerName() : null,
					form.hasSource() ? form.getSource() : null);
			FiledReports.remember(session, form.getSubmission(), created.id());
			redirect.addFlashAttribute("success", "incident.created");
			return "redirect:/incidents/" + created.id();
		}
		catch (ConflictException ex) {
			return refused(ex, form, result, model);
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("@may.editCases()")
	String edit(@PathVariable long id, Model model) {
		IncidentView incident = this.incidents.get(id);
		model.addAttribute("incident", incident);
		return form(IncidentForm.from(incident, this.timeZone.zoneId()), model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("@may.editCases()")
	String update(@PathVariable long id, @ModelAttribute("form") IncidentForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		IncidentCommand command = validated(form, result);
		if (!result.hasErrors()) {
			try {
				this.incidents.update(id, command);
				redirect.addFlashAttribute("success", "incident.saved");
				return "redirect:/incidents/" + id;
			}
			catch (ConflictException ex) {
				model.addAttribute("incident", this.incidents.get(id));
				return refused(ex, form, result, model);
			}
		}
		model.addAttribute("incident", this.incidents.get(id));
		return form(form, model);
	}

	private String form(IncidentForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("partners", this.partners.search(null, 1000));
		model.addAttribute("assignees", this.users.assignable());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("severities", Severity.values());
		String language = LocaleContextHolder.getLocale().getLanguage();
		model.addAttribute("startOptions",
				this.startOptions.stream()
					.map(option -> new StartOptionView(option.name(), option.labelKey(), option.choices(language)))
					.toList());
		return FORM;
	}

	private String refused(ConflictException ex, IncidentForm form, BindingResult result, Model model) {
		String field = REFUSAL_FIELDS.get(ex.messageKey());
		if (field == null) {
			throw ex;
		}
		result.rejectValue(field, ex.messageKey());
		return form(form, model);
	}

	/**
	 * Validates the command the form stands for and reports its errors on the form's
	 * fields.
	 */
	private IncidentCommand validated(IncidentForm form, BindingResult result) {
		IncidentCommand command = form.toCommand(this.timeZone.zoneId());
		if (result.hasErrors()) {
			return command;
		}
		DirectFieldBindingResult errors = new DirectFieldBindingResult(command, "incident");
		this.validator.validate(command, errors);
		for (FieldError error : errors.getFieldErrors()) {
			String field = error.getField().startsWith("impersonatedAddresses") ? "impersonated" : error.getField();
			result.rejectValue(field, error.getCode(), error.getArguments(), error.getDefaultMessage());
		}
		return command;
	}

	/** One start option as the new-incident form shows it. */
	record StartOptionView(String name, String labelKey, List<IncidentStartOption.Choice> choices) {

	}

}
