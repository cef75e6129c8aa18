package io.spoofdesk.settings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page for company settings. */
@Controller
@RequestMapping("/admin/settings")
@PreAuthorize("@may.administer()")
class SettingsController {

	private static final String VIEW = "settings/identity";

	private final CompanyIdentityService identities;

	SettingsController(CompanyIdentityService identities) {
		this.identities = identities;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("form", IdentitySettingsForm.from(IdentitySettingsBody.from(this.identities.current()),
				this.identities.currentVersion()));
		return VIEW;
	}

	@PostMapping
	String save(@ModelAttribute("form") IdentitySettingsForm form, BindingResult result, RedirectAttributes redirect) {
		IdentitySettingsBody body = form.toBody();
		IdentitySettingsValidator.validate(body, result);
		if (result.hasErrors()) {
			return VIEW;
		}
		this.identities.update(body.toIdentity(), form.getVersion());
		redirect.addFlashAttribute("success", "settings.saved");
		return "redirect:/admin/settings";
	}

}
