package io.spoofdesk.checklist;

import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.settings.CompanyIdentityService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "My tasks" for everyone who works on steps, and managers' overdue view by person. */
@Controller
class TasksController {

	private final Tasks tasks;

	private final CompanyIdentityService identities;

	TasksController(Tasks tasks, CompanyIdentityService identities) {
		this.tasks = tasks;
		this.identities = identities;
	}

	@GetMapping("/tasks")
	String mine(Model model) {
		model.addAttribute("tasks", this.tasks.of(CurrentUser.username()));
		model.addAttribute("zone", this.identities.current().zoneId());
		return "checklist/tasks";
	}

	@GetMapping("/tasks/overdue")
	@PreAuthorize("@may.seeReports()")
	String overdue(Model model) {
		model.addAttribute("byPerson", this.tasks.overdueByPerson());
		model.addAttribute("zone", this.identities.current().zoneId());
		return "checklist/overdue";
	}

}
