package io.spoofdesk.warningmail;

import io.spoofdesk.settings.CompanyIdentityService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Warning mails across incidents, behind the dashboard's figures: those sent (or marked
 * sent by hand) and those still to send (drafts, waiting for approval, queued, failed),
 * newest first.
 */
@Controller
@PreAuthorize("@may.seeReports()")
class WarningListController {

	static final int ROWS = 500;

	private final WarningQueries queries;

	private final CompanyIdentityService identities;

	WarningListController(WarningQueries queries, CompanyIdentityService identities) {
		this.queries = queries;
		this.identities = identities;
	}

	@GetMapping("/warnings")
	String list(@RequestParam(defaultValue = "pending") String show, Model model) {
		boolean sent = "sent".equals(show);
		model.addAttribute("sent", sent);
		model.addAttribute("rows", this.queries.across(sent, ROWS));
		model.addAttribute("total", this.queries.countAcross(sent));
		model.addAttribute("limit", ROWS);
		model.addAttribute("zone", this.identities.current().zoneId());
		return "warningmail/list";
	}

}
