package io.spoofdesk.incident;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Role;
import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.shared.CompanyTimeZone;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The incident list: filters, search and keyset pages of {@value #PAGE_SIZE}; an htmx
 * request gets the results alone.
 */
@Controller
@RequestMapping("/incidents")
class IncidentListController {

	static final int PAGE_SIZE = 50;

	private final IncidentList list;

	private final UserAccounts users;

	private final CompanyTimeZone timeZone;

	private final MessageSource messages;

	IncidentListController(IncidentList list, UserAccounts users, CompanyTimeZone timeZone, MessageSource messages) {
		this.list = list;
		this.users = users;
		this.timeZone = timeZone;
		this.messages = messages;
	}

	@GetMapping
	String list(@ModelAttribute("filter") IncidentFilter filter, Model model,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Locale locale) {
		ZoneId zone = this.timeZone.zoneId();
		List<IncidentRow> rows = this.list.find(filter, zone, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<IncidentRow> page = more ? rows.subList(0, PAGE_SIZE) : rows;
		List<IncidentListLine> lines = page.stream()
			.map(row -> IncidentListLine.of(row, zone, this.messages, locale, this.users::displayName))
			.toList();
		model.addAttribute("rows", lines);
		model.addAttribute("shortTerms", IncidentList.hasTooShortTerms(filter.q()));
		model.addAttribute("rowsHtml", IncidentRowsHtml.of(lines));
		model.addAttribute("next", more ? filter.after(page.get(page.size() - 1).cursor()) : null);
		model.addAttribute("zone", zone);
		model.addAttribute("statuses", IncidentStatus.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("assignees", this.users.assignable());
		Set<Role> roles = CurrentUser.roles();
		model.addAttribute("mayReport", Permission.EDIT_CASES.allows(roles));
		model.addAttribute("mayExport", Permission.SEE_REPORTS.allows(roles));
		return (htmx != null) ? "incident/list :: results" : "incident/list";
	}

}
