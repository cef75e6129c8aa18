package io.spoofdesk.web;

import java.util.List;
import java.util.Set;

import io.spoofdesk.checklist.Tasks;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Role;
import io.spoofdesk.warningmail.ApprovalQueue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after login: the next thing to do, by role. The helpdesk takes a new
 * report; managers see batches waiting for their approval and overdue steps; everyone who
 * works on checklists sees their own steps and the untaken ones for their roles.
 */
@Controller
class HomeController {

	private final Tasks tasks;

	private final ApprovalQueue approvals;

	HomeController(Tasks tasks, ApprovalQueue approvals) {
		this.tasks = tasks;
		this.approvals = approvals;
	}

	@GetMapping("/")
	String home(Model model) {
		Set<Role> roles = CurrentUser.roles();
		List<String> working = roles.stream()
			.filter(Permission.WORK_ON_STEPS.roles()::contains)
			.map(Role::name)
			.toList();
		if (!working.isEmpty()) {
			model.addAttribute("counts", this.tasks.countsFor(CurrentUser.username(), working));
		}
		if (Permission.APPROVE_WARNINGS.allows(roles)) {
			model.addAttribute("awaitingApproval", this.approvals.waiting());
		}
		return "home";
	}

}
