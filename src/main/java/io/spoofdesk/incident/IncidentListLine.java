package io.spoofdesk.incident;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.springframework.context.MessageSource;

/**
 * A line of the incident list page with its texts already resolved (labels in the user's
 * language, the time in the company's zone, the link). The list renders 50 of these per
 * page, and resolving messages, formatting times and building links in the template for
 * each cell was most of the page's cost.
 */
record IncidentListLine(long id, String reference, String title, String partnerName, String statusLabel,
		String severityLabel, boolean severe, String assignee, String reportedAt) {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	static IncidentListLine of(IncidentRow row, ZoneId zone, MessageSource messages, Locale locale,
			UnaryOperator<String> displayName) {
		return new IncidentListLine(row.id(), row.reference(), row.title(), row.partnerName(),
				messages.getMessage("status." + row.status(), null, locale),
				messages.getMessage("severity." + row.severity(), null, locale),
				row.severity() == Severity.CRITICAL || row.severity() == Severity.HIGH,
				displayName.apply(row.assignee()), MINUTES.format(row.reportedAt().atZone(zone)));
	}

}
