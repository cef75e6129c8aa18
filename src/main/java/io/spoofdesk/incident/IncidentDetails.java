package io.spoofdesk.incident;

import java.time.Instant;
import java.util.List;

/** The describable part of an incident, as one value: what forms and the API change. */
record IncidentDetails(String title, Long partnerId, Long contactId, Channel channel, Instant reportedAt,
		Instant mailReceivedAt, List<String> impersonatedAddresses, String summary, Severity severity, String assignee,
		List<String> impersonatedNames) {

}
