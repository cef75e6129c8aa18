package io.spoofdesk.incident;

import java.time.Instant;
import java.util.List;

/**
 * An incident as pages, the API ({@code /api/v1/incidents}) and other modules read it.
 * {@code impersonatedNames} are impersonated identities known only by name.
 */
public record IncidentView(Long id, String reference, String title, Long partnerId, Long contactId, Channel channel,
		Severity severity, IncidentStatus status, String assignee, String summary, List<String> impersonatedAddresses,
		Instant mailReceivedAt, Instant reportedAt, long version, Instant createdAt, String createdBy,
		Instant updatedAt, String updatedBy, List<String> impersonatedNames) {

}
