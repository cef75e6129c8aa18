package io.spoofdesk.incident;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The incident list's filters, all optional: search text, status, severity, assignee,
 * partner, impersonated address, report date range (in the company's time zone), order,
 * and the keyset cursor {@code after} ("epoch-millis_id" of the last row shown).
 */
public record IncidentFilter(String q, IncidentStatus status, Severity severity, String assignee, Long partnerId,
		String impersonated, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String sort, String after) {

	boolean oldestFirst() {
		return "oldest".equals(this.sort);
	}

	IncidentFilter after(String cursor) {
		return new IncidentFilter(this.q, this.status, this.severity, this.assignee, this.partnerId, this.impersonated,
				this.from, this.to, this.sort, cursor);
	}

}
