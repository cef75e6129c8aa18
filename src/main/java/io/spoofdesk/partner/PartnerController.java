package io.spoofdesk.partner;

import jakarta.validation.Valid;

import io.spoofdesk.shared.ReadOnlyTransactions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Partner pages: list with search, create, show, edit. */
@Controller
@RequestMapping("/partners")
@PreAuthorize("@may.seeCases()")
class PartnerController {

	private static final String FORM = "partner/form";

	private final PartnerDirectory directory;

	private final SmartValidator validator;

	private final TransactionTemplate readOnly;

	PartnerController(PartnerDirectory directory, SmartValidator validator, PlatformTransactionManager transactions) {
		this.directory = directory;
		this.validator = validator;
		this.readOnly = ReadOnlyTransactions.over(transactions);
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("partners", this.directory.search(q, 200));
		return "partner/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		// one read-only transaction for the page (one connection, one begin and commit)
		this.readOnly.executeWithoutResult(status -> {
			model.addAttribute("partner", this.directory.get(id));
			model.addAttribute("others", this.directory.othersThan(id, 500));
		});
		return "partner/show";
	}

	/**
	 * Merges a duplicate into this partner (after the browser asked for confirmation).
	 */
	@PostMapping("/{id}/merge")
	@PreAuthorize("@may.editCases()")
	String merge(@PathVariable long id, @RequestParam long duplicateId, RedirectAttributes redirect) {
		this.directory.merge(id, duplicateId);
		redirect.addFlashAttribute("success", "partner.merged");
		return "redirect:/partners/" + id;
	}

	@GetMapping("/new")
	@PreAuthorize("@may.editCases()")
	String newPartner(Model model) {
		model.addAttribute("form", PartnerForm.blank());
		return FORM;
	}

	@PostMapping
	@PreAuthorize("@may.editCases()")
	String create(@ModelAttribute("form") PartnerForm form, BindingResult result, RedirectAttributes redirect) {
		PartnerCommand command = validated(form, result);
		if (result.hasErrors()) {
			form.addBlankRows();
			return FORM;
		}
		PartnerView created = this.directory.create(command);
		redirect.addFlashAttribute("success", "partner.created");
		return "redirect:/partners/" + created.id();
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("@may.editCases()")
	String edit(@PathVariable long id, Model model) {
		PartnerView partner = this.directory.get(id);
		model.addAttribute("partner", partner);
		model.addAttribute("form", PartnerForm.from(partner));
		return FORM;
	}

	@PostMapping("/{id}")
	@PreAuthorize("@may.editCases()")
	String update(@PathVariable long id, @ModelAttribute("form") PartnerForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		PartnerCommand command = validated(form, result);
		if (result.hasErrors()) {
			model.addAttribute("partner", this.directory.get(id));
			form.addBlankRows();
			return FORM;
		}
		this.directory.update(id, command);
		redirect.addFlashAttribute("success", "partner.saved");
		return "redirect:/partners/" + id;
	}

	/**
	 * Validates the command the form stands for and reports its errors on the form's
	 * fields (a bad line of the domain list is reported on the list).
	 */
	private PartnerCommand validated(@Valid PartnerForm form, BindingResult result) {
		form.dropBlankRows();
		PartnerCommand command = form.toCommand();
		DirectFieldBindingResult errors = new DirectFieldBindingResult(command, "partner");
		this.validator.validate(command, errors);
		for (FieldError error : errors.getFieldErrors()) {
			String field = error.getField().replaceAll("^domains\\[\\d+]$", "domains");
			result.rejectValue(field, error.getCode(), error.getArguments(), error.getDefaultMessage());
		}
		return command;
	}

}
