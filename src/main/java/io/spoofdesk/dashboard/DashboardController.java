package io.spoofdesk.dashboard;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The managers' dashboard (MANAGER, ADMIN); every figure links to the list behind it. */
@Controller
@PreAuthorize("@may.seeReports()")
class DashboardController {

	private final LatestDashboard dashboard;

	/** The last chart drawn: the same figures are answered for seconds at a time. */
	private final AtomicReference<WeekChart> chart = new AtomicReference<>();

	DashboardController(LatestDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/dashboard")
	String dashboard(Model model) {
		Dashboard dashboard = this.dashboard.get();
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("chart", this.chart.updateAndGet(last -> WeekChart.showing(last, dashboard.perWeek())));
		return "dashboard/dashboard";
	}

}
