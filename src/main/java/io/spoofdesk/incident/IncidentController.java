package io.spoofdesk.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.Map;

import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Role;
import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.partner.PartnerView;
import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.shared.ConflictException;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Incident pages: the list, the fast new-report form, the case page and its actions.
 * Reading needs any role (the security configuration's rule for every page); changing is
 * checked per method.
 */
@Controller
@RequestMapping("/incidents")
class IncidentController {

	static final String EDITORS = "hasAnyRole('HELPDESK','MANAGER')";

	static final int PAGE_SIZE = 50;

	private static final String FORM = "incident/form";

	/** Which service refusal belongs to which form field. */
	private static final Map<String, String> REFUSAL_FIELDS = Map.of("incident.partner.unknown", "partnerId",
			"incident.contact.unknown", "contactId", "incident.assignee.unknown", "assignee");

	private final Incidents incidents;

	private final IncidentList list;

	private final IncidentRelations relations;

	private final PartnerDirectory partners;

	private final UserAccounts users;

	private final AuditLog auditLog;

	private final CompanyTimeZone timeZone;

	private final SmartValidator validator;

	private final Clock clock;

	private final List<IncidentPanel> panels;

	private final List<IncidentSource> sources;

	private final List<IncidentStartOption> startOptions;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	private final MessageSource messages;

	IncidentController(Incidents incidents, IncidentList list, IncidentRelations relations, PartnerDirectory partners,
			UserAccounts users, AuditLog auditLog, CompanyTimeZone timeZone, SmartValidator validator, Clock clock,
			List<IncidentPanel> panels, List<IncidentSource> sources, List<IncidentStartOption> startOptions,
			TransactionTemplate transaction, MessageSource messages) {
		this.incidents = incidents;
		this.list = list;
		this.relations = relations;
		this.partners = partners;
		this.users = users;
		this.auditLog = auditLog;
		this.timeZone = timeZone;
		this.validator = validator;
		this.clock = clock;
		this.panels = panels.stream().sorted(Comparator.comparingInt(IncidentPanel::order)).toList();
		this.sources = sources;
		this.startOptions = startOptions;
		this.transaction = transaction;
		this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.messages = messages;
	}

	@GetMapping
	String list(@ModelAttribute("filter") IncidentFilter filter, Model model,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Locale locale) {
		ZoneId zone = this.timeZone.zoneId();
		List<IncidentRow> rows = this.list.find(filter, zone, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<IncidentRow> page = more ? rows.subList(0, PAGE_SIZE) : rows;
		List<IncidentListLine> lines = page.stream()
			.map(row -> IncidentListLine.of(row, zone, this.messages, locale, this.users::displayName))
			.toList();
		model.addAttribute("rows", lines);
		model.addAttribute("shortTerms", IncidentList.hasTooShortTerms(filter.q()));
		model.addAttribute("rowsHtml", IncidentRowsHtml.of(lines));
		model.addAttribute("next", more ? filter.after(page.get(page.size() - 1).cursor()) : null);
		model.addAttribute("zone", zone);
		model.addAttribute("statuses", IncidentStatus.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("assignees", this.users.assignable());
		Set<Role> roles = CurrentUser.roles();
		model.addAttribute("mayReport", roles.contains(Role.HELPDESK) || roles.contains(Role.MANAGER));
		model.addAttribute("mayExport", roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN));
		return (htmx != null) ? "incident/list :: results" : "incident/list";
	}

	@GetMapping("/new")
	@PreAuthorize(EDITORS)
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
	@PreAuthorize(EDITORS)
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
			// the incident and what it starts from (an uploaded mail) are saved together
			// or not at all
			IncidentView created = this.transaction.execute(status -> {
				IncidentView opened = form.wantsNewPartner()
						? this.incidents.openForNewPartner(command, form.getNewPartnerName())
						: this.incidents.open(command);
				if (form.hasSource()) {
					this.sources.forEach(source -> source.attach(opened.id(), form.getSource()));
				}
				return opened;
			});
			FiledReports.remember(session, form.getSubmission(), created.id());
			redirect.addFlashAttribute("success", "incident.created");
			return "redirect:/incidents/" + created.id();
		}
		catch (ConflictException ex) {
			return refused(ex, form, result, model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		// one read-only transaction for the whole page: one connection, and the incident
		// is loaded once however many parts of the page ask for it
		this.readOnly.executeWithoutResult(status -> showIn(id, model));
		return "incident/show";
	}

	private void showIn(long id, Model model) {
		IncidentView incident = this.incidents.get(id);
		model.addAttribute("incident", incident);
		PartnerView partner = (incident.partnerId() != null) ? this.partners.find(incident.partnerId()).orElse(null)
				: null;
		model.addAttribute("partner", partner);
		model.addAttribute("contact", (partner != null && incident.contactId() != null)
				? partner.contact(incident.contactId()).orElse(null) : null);
		model.addAttribute("notes", this.incidents.notesOf(id));
		model.addAttribute("history", this.auditLog.historyOf(Incidents.TARGET, id));
		model.addAttribute("linked", this.relations.linked(id));
		model.addAttribute("duplicates", this.relations.likelyDuplicates(incident));
		Set<Role> roles = CurrentUser.roles();
		model.addAttribute("transitions",
				StatusTransition.optionsFrom(incident.status(), this.incidents.previousStatus(id), roles)
					.stream()
					.map(StatusOption::of)
					.toList());
		model.addAttribute("canEdit", roles.contains(Role.HELPDESK) || roles.contains(Role.MANAGER));
		model.addAttribute("canNote",
				roles.contains(Role.HELPDESK) || roles.contains(Role.STAFF) || roles.contains(Role.MANAGER));
		model.addAttribute("assignees", this.users.assignable());
		model.addAttribute("zone", this.timeZone.zoneId());
		model.addAttribute("panels",
				this.panels.stream()
					.map(panel -> new IncidentPanel.Rendered(panel.template(), panel.data(incident)))
					.toList());
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(EDITORS)
	String edit(@PathVariable long id, Model model) {
		IncidentView incident = this.incidents.get(id);
		model.addAttribute("incident", incident);
		return form(IncidentForm.from(incident, this.timeZone.zoneId()), model);
	}

	@PostMapping("/{id}")
	@PreAuthorize(EDITORS)
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

	@PostMapping("/{id}/status")
	@PreAuthorize(EDITORS)
	String changeStatus(@PathVariable long id, @RequestParam IncidentStatus status,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		try {
			this.incidents.changeStatus(id, status, reason, version);
			redirect.addFlashAttribute("success", "incident.statusChanged");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/incidents/" + id;
	}

	@PostMapping("/{id}/assign")
	@PreAuthorize(EDITORS)
	String assign(@PathVariable long id, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		try {
			this.incidents.assign(id, assignee, version);
			redirect.addFlashAttribute("success", "incident.assigned");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/incidents/" + id;
	}

	@PostMapping("/{id}/notes")
	@PreAuthorize("hasAnyRole('HELPDESK','STAFF','MANAGER')")
	String addNote(@PathVariable long id, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
		if (body.isBlank() || body.length() > 10000) {
			redirect.addFlashAttribute("failure", "incident.note.invalid");
		}
		else {
			this.incidents.addNote(id, body);
			redirect.addFlashAttribute("success", "incident.noteAdded");
		}
		return "redirect:/incidents/" + id + "#notes";
	}

	@PostMapping("/{id}/links")
	@PreAuthorize(EDITORS)
	String link(@PathVariable long id, @RequestParam(defaultValue = "") String reference, RedirectAttributes redirect) {
		try {
			this.incidents.link(id, reference);
			redirect.addFlashAttribute("success", "incident.linked");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/incidents/" + id;
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
