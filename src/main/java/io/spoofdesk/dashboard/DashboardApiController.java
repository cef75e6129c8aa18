package io.spoofdesk.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures as JSON, for managers' own reports and monitoring: the same
 * numbers the page shows (open cases by status and severity, overdue steps by person,
 * reports per week, response times, partners warned, top impersonated addresses).
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard", description = "Figures for managers: open cases, overdue steps, response times.")
@PreAuthorize("@may.seeReports()")
class DashboardApiController {

	private final LatestDashboard dashboard;

	DashboardApiController(LatestDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@Operation(summary = "Get the dashboard's figures")
	@GetMapping
	Dashboard dashboard() {
		return this.dashboard.get();
	}

}
