package io.spoofdesk.identity;

import jakarta.validation.Valid;

import io.spoofdesk.shared.ConflictException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages: list, create and edit users, set roles, disable, reset passwords. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("@may.administer()")
class UserAdminController {

	private static final String FORM = "identity/user-form";

	private final UserAccounts accounts;

	UserAdminController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.accounts.all());
		return "identity/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", new UserForm());
		return FORM;
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, RedirectAttributes redirect) {
		if (!result.hasErrors() && this.accounts.exists(form.getUsername())) {
			result.rejectValue("username", "identity.username.taken");
		}
		if (result.hasErrors()) {
			return FORM;
		}
		boolean generated = form.getPassword().isBlank();
		String password = generated ? UserAccounts.randomPassword() : form.getPassword();
		UserView user = this.accounts.create(form.toNewUser(password));
		redirect.addFlashAttribute("success", "identity.user.created");
		if (generated) {
			redirect.addFlashAttribute("oneTimePassword", password);
		}
		return "redirect:/admin/users/" + user.id();
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		UserView user = this.accounts.get(id);
		model.addAttribute("user", user);
		model.addAttribute("form", UserForm.from(user));
		return FORM;
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
		if (me.id() == id && !Permission.ADMINISTER.allows(form.getRoles())) {
			result.rejectValue("roles", "identity.selfLockout");
		}
		if (result.hasErrors()) {
			model.addAttribute("user", this.accounts.get(id));
			return FORM;
		}
		this.accounts.update(id, form.getVersion(), form.getDisplayName(), form.getEmail(), form.getRoles());
		redirect.addFlashAttribute("success", "identity.user.saved");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		if (me.id() == id) {
			throw new ConflictException("identity.selfLockout");
		}
		this.accounts.setEnabled(id, false);
		redirect.addFlashAttribute("success", "identity.user.disabled");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		this.accounts.setEnabled(id, true);
		redirect.addFlashAttribute("success", "identity.user.enabled");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
		String password = UserAccounts.randomPassword();
		this.accounts.resetPassword(id, password);
		redirect.addFlashAttribute("success", "identity.user.passwordReset");
		redirect.addFlashAttribute("oneTimePassword", password);
		return "redirect:/admin/users/" + id;
	}

}
