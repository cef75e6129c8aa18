package io.spoofdesk.dashboard;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The managers' dashboard (MANAGER, ADMIN); every figure links to the list behind it. */
@Controller
@PreAuthorize("@may.seeReports()")
class DashboardController {

	private final LatestDashboard dashboard;

	DashboardController(LatestDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/dashboard")
	String dashboard(Model model) {
		Dashboard dashboard = this.dashboard.get();
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("chart", WeekChart.of(dashboard.perWeek()));
		return "dashboard/dashboard";
	}

}
