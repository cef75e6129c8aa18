package io.spoofdesk.suspiciousmail;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.spoofdesk.incident.Incidents;
import io.spoofdesk.mailanalysis.NotMailException;
import io.spoofdesk.mailanalysis.Urls;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.shared.Downloads;
import io.spoofdesk.shared.FileNames;
import io.spoofdesk.shared.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Suspicious mails on the incident pages: upload (.eml files or pasted source), the
 * evidence page of one mail, the raw download, and "start a new incident from a mail".
 */
@Controller
@PreAuthorize("@may.seeCases()")
class SuspiciousMailController {

	private final SuspiciousMails mails;

	private final Incidents incidents;

	private final Iocs iocs;

	private final CompanyIdentityService identities;

	SuspiciousMailController(SuspiciousMails mails, Incidents incidents, Iocs iocs, CompanyIdentityService identities) {
		this.mails = mails;
		this.incidents = incidents;
		this.iocs = iocs;
		this.identities = identities;
	}

	/**
	 * A rejected paste up to this size comes back in the box (it travels in the session).
	 */
	static final int MAX_KEPT_PASTE = 512 * 1024;

	@PostMapping("/incidents/{id}/mails")
	@PreAuthorize("@may.editCases()")
	String upload(@PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "source", defaultValue = "") String pasted, RedirectAttributes redirect, Locale locale)
			throws IOException {
		this.incidents.get(id);
		List<UploadOutcome> outcomes = new ArrayList<>();
		for (MultipartFile file : (files != null) ? files : List.<MultipartFile>of()) {
			if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
				outcomes.add(attach(id, file.getBytes(), file.getOriginalFilename(), locale));
			}
		}
		if (!pasted.isBlank()) {
			UploadOutcome outcome = attach(id, pasted.getBytes(StandardCharsets.UTF_8), null, locale);
			outcomes.add(outcome);
			if ("REJECTED".equals(outcome.result()) && pasted.length() <= MAX_KEPT_PASTE) {
				// back in the box, to be corrected rather than pasted again
				redirect.addFlashAttribute("pastedSource", pasted);
			}
		}
		if (outcomes.isEmpty()) {
			redirect.addFlashAttribute("failure", "mail.upload.nothing");
		}
		redirect.addFlashAttribute("mailOutcomes", outcomes);
		return "redirect:/incidents/" + id + "#mails";
	}

	private UploadOutcome attach(long incidentId, byte[] raw, String fileName, Locale locale) {
		// no name: the page calls it the pasted mail, in the reader's language
		String name = (fileName != null && !fileName.isBlank()) ? FileNames.safe(fileName, "mail.eml") : null;
		try {
			SuspiciousMails.Attached attached = this.mails.attach(incidentId, raw, fileName);
			return new UploadOutcome(name, attached.duplicate() ? "DUPLICATE" : "ADDED", attached.mailId(), null);
		}
		catch (NotMailException | AnalysisBusyException ex) {
			return new UploadOutcome(name, "REJECTED", null, ex.reason().in(locale));
		}
	}

	@GetMapping("/incidents/{id}/mails/{mailId}")
	String show(@PathVariable long id, @PathVariable long mailId, Model model) {
		SuspiciousMails.StoredMail mail = this.mails.get(id, mailId);
		model.addAttribute("incident", this.incidents.get(id));
		model.addAttribute("mail", mail);
		model.addAttribute("analysis", mail.analysis());
		model.addAttribute("defangedUrls", mail.analysis().urls().stream().map(Urls::defang).toList());
		model.addAttribute("iocs", this.iocs.extract(mail.analysis()).stream().map(IocView::of).toList());
		model.addAttribute("otherIncidents", this.iocs.otherIncidentCounts(id));
		model.addAttribute("sameMailElsewhere", this.mails.otherIncidentsWith(mail.analysis().sha256(), id));
		model.addAttribute("zone", this.identities.current().zoneId());
		return "suspiciousmail/show";
	}

	@GetMapping("/incidents/{id}/mails/{mailId}/raw")
	@PreAuthorize("@may.downloadOriginals()")
	ResponseEntity<byte[]> raw(@PathVariable long id, @PathVariable long mailId) {
		byte[] raw = this.mails.raw(id, mailId).orElseThrow(() -> new NotFoundException("Mail", mailId));
		String reference = this.incidents.get(id).reference();
		return Downloads.untrusted(reference + "-mail-" + mailId + ".eml", raw);
	}

	@GetMapping("/mails/new")
	@PreAuthorize("@may.editCases()")
	String newFromMail() {
		return "suspiciousmail/new";
	}

	@PostMapping("/mails/new")
	@PreAuthorize("@may.editCases()")
	String startFromMail(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "source", defaultValue = "") String pasted, Model model, Locale locale)
			throws IOException {
		byte[] raw = (file != null && !file.isEmpty()) ? file.getBytes() : pasted.getBytes(StandardCharsets.UTF_8);
		try {
			String reference = this.mails.keepForNewIncident(raw);
			return "redirect:/incidents/new?source=" + reference;
		}
		catch (NotMailException | AnalysisBusyException ex) {
			model.addAttribute("error", ex.reason().in(locale));
			model.addAttribute("source", pasted);
			return "suspiciousmail/new";
		}
	}

	/** An IOC as listed on the evidence page: URLs defanged for display. */
	record IocView(IocKind kind, String value, String display) {

		static IocView of(Iocs.Ioc ioc) {
			return new IocView(ioc.kind(), ioc.value(),
					(ioc.kind() == IocKind.URL) ? Urls.defang(ioc.value()) : ioc.value());
		}

	}

	/**
	 * What happened to one uploaded file, shown once after the redirect (kept in the
	 * session meanwhile, so serializable).
	 */
	record UploadOutcome(String name, String result, Long mailId, String reason) implements Serializable {

	}

}
