package io.spoofdesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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

/** Each user's own page: who they are, their password, their personal API tokens. */
@Controller
@RequestMapping("/profile")
class ProfileController {

	private static final String VIEW = "identity/profile";

	private final UserAccounts accounts;

	private final ApiTokens tokens;

	private final AuthenticationThrottle throttle;

	ProfileController(UserAccounts accounts, ApiTokens tokens, AuthenticationThrottle throttle) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.throttle = throttle;
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("passwordForm", new PasswordForm());
		model.addAttribute("tokenForm", new TokenForm());
		return fill(me, model);
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal SignedInUser me,
			@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (!result.hasFieldErrors("newPassword") && !form.getNewPassword().equals(form.getConfirmation())) {
			result.rejectValue("confirmation", "identity.password.mismatch");
		}
		String address = request.getRemoteAddr();
		if (!result.hasErrors() && this.throttle.blockedUntil(me.username(), address).isPresent()) {
			// guessing the current password is signing in by another door: the same limit
			result.rejectValue("currentPassword", "identity.password.throttled");
		}
		if (!result.hasErrors()
				&& !this.accounts.changeOwnPassword(me.id(), form.getCurrentPassword(), form.getNewPassword())) {
			this.throttle.recordFailure(me.username(), address);
			result.rejectValue("currentPassword", "identity.password.wrong");
		}
		if (result.hasErrors()) {
			model.addAttribute("tokenForm", new TokenForm());
			return fill(me, model);
		}
		// this session goes on; the account's other sessions end (SessionAccountFilter)
		SessionAccountFilter.replacePrincipal(me.withPasswordHash(this.accounts.passwordHashOf(me.id())), request,
				response);
		redirect.addFlashAttribute("success", "identity.password.changed");
		return "redirect:/profile";
	}

	@PostMapping("/tokens")
	String createToken(@AuthenticationPrincipal SignedInUser me, @Valid @ModelAttribute("tokenForm") TokenForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("passwordForm", new PasswordForm());
			return fill(me, model);
		}
		ApiTokens.CreatedToken created = this.tokens.create(me.id(), form.getName());
		redirect.addFlashAttribute("success", "identity.token.created");
		redirect.addFlashAttribute("newToken", created.token());
		redirect.addFlashAttribute("newTokenExpiresAt", created.expiresAt());
		return "redirect:/profile";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(me.id(), id);
		redirect.addFlashAttribute("success", "identity.token.revoked");
		return "redirect:/profile";
	}

	private String fill(SignedInUser me, Model model) {
		model.addAttribute("user", this.accounts.get(me.id()));
		model.addAttribute("tokens", this.tokens.activeTokens(me.id()));
		return VIEW;
	}

	/** The change-password form. */
	static class PasswordForm {

		@NotBlank
		private String currentPassword = "";

		@NotBlank
		@Size(min = Passwords.MIN_LENGTH, max = 200, message = "{identity.password.length}")
		private String newPassword = "";

		private String confirmation = "";

		public String getCurrentPassword() {
			return this.currentPassword;
		}

		public void setCurrentPassword(String currentPassword) {
			this.currentPassword = currentPassword;
		}

		public String getNewPassword() {
			return this.newPassword;
		}

		public void setNewPassword(String newPassword) {
			this.newPassword = newPassword;
		}

		public String getConfirmation() {
			return this.confirmation;
		}

		public void setConfirmation(String confirmation) {
			this.confirmation = confirmation;
		}

	}

	/** The new-token form. */
	static class TokenForm {

		@NotBlank
		@Size(max = 100)
		private String name = "";

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

}
