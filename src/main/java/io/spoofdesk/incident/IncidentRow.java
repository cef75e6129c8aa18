package io.spoofdesk.incident;

import java.time.Instant;

/** One line of the incident list. */
public record IncidentRow(long id, String reference, String title, IncidentStatus status, Severity severity,
		String assignee, Long partnerId, String partnerName, Instant reportedAt) {

	/** The keyset cursor that continues the list after this row. */
	String cursor() {
		return this.reportedAt.toEpochMilli() + "_" + this.id;
	}

}
