package io.spoofdesk.audit;

import java.util.List;

import io.spoofdesk.shared.CompanyTimeZone;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The admin's view of the audit log, newest first, with filters. */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("@may.administer()")
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditQueries queries;

	private final CompanyTimeZone timeZone;

	AuditController(AuditQueries queries, CompanyTimeZone timeZone) {
		this.queries = queries;
		this.timeZone = timeZone;
	}

	@GetMapping
	String list(@ModelAttribute("search") AuditSearch search, Model model) {
		List<AuditLine> lines = this.queries.search(search, this.timeZone.zoneId(), PAGE_SIZE + 1);
		boolean more = lines.size() > PAGE_SIZE;
		List<AuditLine> page = more ? lines.subList(0, PAGE_SIZE) : lines;
		model.addAttribute("lines", page);
		model.addAttribute("zone", this.timeZone.zoneId());
		model.addAttribute("next", more ? search.withBefore(page.get(page.size() - 1).id()) : null);
		return "audit/list";
	}

}
