package io.spoofdesk.mailbox;

import jakarta.mail.MessagingException;

import io.spoofdesk.incident.Incidents;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.shared.Downloads;
import io.spoofdesk.shared.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mailbox's pages: for admins, its settings (all but the password), a connection
 * check, how reading went and what was set aside; on a case, answering a correspondent
 * through the warning-mail form (draft, approval, SMTP), and a reply's raw mail for those
 * who may download originals.
 */
@Controller
class MailboxController {

	private static final String VIEW = "mailbox/admin";

	private final IntakeSettings settings;

	private final IntakeState state;

	private final Correspondence correspondence;

	private final CompanyIdentityService identities;

	private final Incidents incidents;

	MailboxController(IntakeSettings settings, IntakeState state, Correspondence correspondence,
			CompanyIdentityService identities, Incidents incidents) {
		this.incidents = incidents;
		this.settings = settings;
		this.state = state;
		this.correspondence = correspondence;
		this.identities = identities;
	}

	@GetMapping("/admin/mailbox")
	@PreAuthorize("@may.administer()")
	String mailbox(Model model) {
		IntakeProperties current = this.settings.current();
		model.addAttribute("form", MailboxSettingsForm.from(current,
				this.settings.saved().map(IntakeSettings.Saved::version).orElse(null)));
		return page(model);
	}

	@PostMapping("/admin/mailbox")
	@PreAuthorize("@may.administer()")
	String save(@ModelAttribute("form") MailboxSettingsForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		form.validate(result);
		if (result.hasErrors()) {
			return page(model);
		}
		this.settings.save(form);
		redirect.addFlashAttribute("success", "mailbox.settings.saved");
		return "redirect:/admin/mailbox";
	}

	/** Signs in to the mailbox with the settings in force and says how it went. */
	@PostMapping("/admin/mailbox/check")
	@PreAuthorize("@may.administer()")
	String check(RedirectAttributes redirect) {
		IntakeProperties current = this.settings.current();
		if (!current.configured()) {
			redirect.addFlashAttribute("failure", "mailbox.check.notConfigured");
			return "redirect:/admin/mailbox";
		}
		try (ImapMailbox mailbox = ImapMailbox.open(current)) {
			redirect.addFlashAttribute("checkResult", mailbox.after(0, Integer.MAX_VALUE).size());
			redirect.addFlashAttribute("success", "mailbox.check.ok");
		}
		catch (MessagingException | RuntimeException ex) {
			redirect.addFlashAttribute("checkError", ex.getClass().getSimpleName() + ": " + ex.getMessage());
			redirect.addFlashAttribute("failure", "mailbox.check.failed");
		}
		return "redirect:/admin/mailbox";
	}

	private String page(Model model) {
		IntakeProperties current = this.settings.current();
		model.addAttribute("settings", current);
		model.addAttribute("fromEnvironment", this.settings.saved().isEmpty());
		model.addAttribute("hasPassword", this.settings.hasPassword());
		model.addAttribute("securities", IntakeProperties.Security.values());
		model.addAttribute("status", this.state.status(current.folder()));
		model.addAttribute("quarantined", this.state.quarantined(50));
		model.addAttribute("zone", this.identities.current().zoneId());
		return VIEW;
	}

	/** Opens the warning-mail form with the correspondent's address filled in. */
	@GetMapping("/incidents/{id}/correspondence/{entryId}/reply")
	@PreAuthorize("@may.draftWarnings()")
	String reply(@PathVariable long id, @PathVariable long entryId, RedirectAttributes redirect) {
		Correspondence.Entry entry = this.correspondence.of(id)
			.stream()
			.filter(candidate -> candidate.id() == entryId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Correspondence", entryId));
		String address = (entry.direction() == Correspondence.Direction.IN) ? entry.from() : entry.to();
		redirect.addFlashAttribute("warningAddressList", (address != null) ? address : "");
		return "redirect:/incidents/" + id + "#warnings";
	}

	/** A reply's raw mail as it came in (its attachments inside), while it is kept. */
	@GetMapping("/incidents/{id}/correspondence/{entryId}/raw")
	@PreAuthorize("@may.downloadOriginals()")
	ResponseEntity<byte[]> raw(@PathVariable long id, @PathVariable long entryId) {
		byte[] raw = this.correspondence.raw(id, entryId)
			.orElseThrow(() -> new NotFoundException("Correspondence", entryId));
		String reference = this.incidents.get(id).reference();
		return Downloads.untrusted(reference + "-reply-" + entryId + ".eml", raw);
	}

}
