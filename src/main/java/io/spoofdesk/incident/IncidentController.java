package io.spoofdesk.incident;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Role;
import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.partner.PartnerView;
import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.ReadOnlyTransactions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page and its actions (status, assignee, notes, links); the list and the report
 * form have controllers of their own. Reading needs any role (the security
 * configuration's rule for every page); changing is checked per method.
 */
@Controller
@RequestMapping("/incidents")
class IncidentController {

	private final Incidents incidents;

	private final IncidentRelations relations;

	private final PartnerDirectory partners;

	private final UserAccounts users;

	private final AuditLog auditLog;

	private final CompanyTimeZone timeZone;

	private final List<IncidentPanel> panels;

	private final TransactionTemplate readOnly;

	IncidentController(Incidents incidents, IncidentRelations relations, PartnerDirectory partners, UserAccounts users,
			AuditLog auditLog, CompanyTimeZone timeZone, List<IncidentPanel> panels,
			PlatformTransactionManager transactions) {
		this.incidents = incidents;
		this.relations = relations;
		this.partners = partners;
		this.users = users;
		this.auditLog = auditLog;
		this.timeZone = timeZone;
		this.panels = panels.stream().sorted(Comparator.comparingInt(IncidentPanel::order)).toList();
		this.readOnly = ReadOnlyTransactions.over(transactions);
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
		model.addAttribute("canEdit", Permission.EDIT_CASES.allows(roles));
		model.addAttribute("canNote", Permission.ADD_NOTES.allows(roles));
		model.addAttribute("assignees", this.users.assignable());
		model.addAttribute("zone", this.timeZone.zoneId());
		model.addAttribute("panels",
				this.panels.stream()
					.map(panel -> new IncidentPanel.Rendered(panel.template(), panel.data(incident)))
					.toList());
	}

	@PostMapping("/{id}/status")
	@PreAuthorize("@may.moveCases()")
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
	@PreAuthorize("@may.moveCases()")
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
	@PreAuthorize("@may.addNotes()")
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
	@PreAuthorize("@may.editCases()")
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

}
