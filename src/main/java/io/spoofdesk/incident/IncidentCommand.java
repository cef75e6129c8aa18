package io.spoofdesk.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An incident to open or the new state of one: the JSON of
 * {@code POST/PUT /api/v1/incidents} and what the page forms turn into. {@code version}
 * is the version the editor saw.
 */
public record IncidentCommand(@NotBlank @Size(max = 200) String title, Long partnerId, Long contactId,
		@NotNull Channel channel, @NotNull Severity severity, @Size(max = 64) String assignee,
		@Size(max = 10000) String summary,
		@NotNull @Size(max = 50) List<@NotBlank @Email @Size(max = 254) String> impersonatedAddresses,
		Instant mailReceivedAt, @NotNull Instant reportedAt, Long version,
		@Size(max = 10) Map<String, @Size(max = 100) String> startOptions) {

	public IncidentCommand {
		startOptions = (startOptions != null) ? Map.copyOf(startOptions) : Map.of();
	}

}
