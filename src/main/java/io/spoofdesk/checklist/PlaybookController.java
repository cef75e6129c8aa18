package io.spoofdesk.checklist;

import java.util.List;

import io.spoofdesk.identity.Permission;
import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for playbooks: the list, a new playbook, and editing one (each save is a
 * new version; the history lists them all).
 */
@Controller
@PreAuthorize("@may.administer()")
class PlaybookController {

	private final Playbooks playbooks;

	private final CompanyTimeZone timeZone;

	PlaybookController(Playbooks playbooks, CompanyTimeZone timeZone) {
		this.playbooks = playbooks;
		this.timeZone = timeZone;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("phases", Phase.values());
		model.addAttribute("zone", this.timeZone.zoneId());
		model.addAttribute("roles", Permission.WORK_ON_STEPS.roles());
	}

	@GetMapping("/admin/playbooks")
	String list(Model model) {
		model.addAttribute("playbooks", this.playbooks.all());
		return "checklist/playbooks";
	}

	@GetMapping("/admin/playbooks/new")
	String create(Model model) {
		PlaybookForm form = new PlaybookForm();
		form.addEmptyStep();
		model.addAttribute("form", form);
		model.addAttribute("playbookId", null);
		model.addAttribute("versions", List.of());
		return "checklist/playbook-form";
	}

	@GetMapping("/admin/playbooks/{id}")
	String edit(@PathVariable long id, Model model) {
		PlaybookSummary summary = summary(id);
		model.addAttribute("form", PlaybookForm.of(this.playbooks.current(id), summary.active()));
		model.addAttribute("playbookId", id);
		model.addAttribute("summary", summary);
		model.addAttribute("versions", this.playbooks.versions(id));
		return "checklist/playbook-form";
	}

	@PostMapping({ "/admin/playbooks", "/admin/playbooks/{id}" })
	String save(@PathVariable(required = false) Long id, @ModelAttribute("form") PlaybookForm form,
			BindingResult errors, @RequestParam(defaultValue = "save") String action, Model model,
			RedirectAttributes redirect) {
		if ("addStep".equals(action)) {
			form.addEmptyStep();
			return formAgain(id, model);
		}
		form.validate(errors);
		if (errors.hasErrors()) {
			return formAgain(id, model);
		}
		try {
			long saved = (id == null) ? this.playbooks.create(form.content()) : id;
			if (id != null) {
				this.playbooks.save(id, (form.getVersion() != null) ? form.getVersion() : -1, form.content());
			}
			redirect.addFlashAttribute("success", "playbook.saved");
			return "redirect:/admin/playbooks/" + saved;
		}
		catch (ConflictException ex) {
			errors.reject(ex.messageKey());
			return formAgain(id, model);
		}
	}

	@PostMapping("/admin/playbooks/{id}/default")
	String makeDefault(@PathVariable long id, RedirectAttributes redirect) {
		this.playbooks.makeDefault(id);
		redirect.addFlashAttribute("success", "playbook.defaultChanged");
		return "redirect:/admin/playbooks";
	}

	private String formAgain(Long id, Model model) {
		model.addAttribute("playbookId", id);
		if (id != null) {
			model.addAttribute("summary", summary(id));
			model.addAttribute("versions", this.playbooks.versions(id));
		}
		else {
			model.addAttribute("versions", List.of());
		}
		return "checklist/playbook-form";
	}

	private PlaybookSummary summary(long id) {
		return this.playbooks.all()
			.stream()
			.filter(playbook -> playbook.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Playbooks.TARGET, id));
	}

}
