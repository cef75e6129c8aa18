package io.spoofdesk.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An incident to open or the new state of one: the JSON of
 * {@code POST/PUT /api/v1/incidents} and what the page forms turn into. {@code version}
 * is the version the editor saw. {@code reportedAt} omitted means now (a new incident) or
 * unchanged; {@code impersonatedAddresses} omitted means none; {@code impersonatedNames}
 * are identities the mail showed without an address (「営業部 山田」). {@code newContact} is a
 * first-time caller, added to the partner's contacts with the report.
 */
public record IncidentCommand(@NotBlank @Size(max = 200) String title, Long partnerId, Long contactId,
		@NotNull Channel channel, @NotNull Severity severity, @Size(max = 64) String assignee,
		@Size(max = 10000) String summary,
		@Size(max = 50) List<@NotBlank @Email @Size(max = 254) String> impersonatedAddresses, Instant mailReceivedAt,
		Instant reportedAt, Long version, @Size(max = 10) Map<String, @Size(max = 100) String> startOptions,
		@Valid NewContact newContact, @Size(max = 20) List<@NotBlank @Size(max = 100) String> impersonatedNames) {

	public IncidentCommand {
		startOptions = (startOptions != null) ? Map.copyOf(startOptions) : Map.of();
		impersonatedAddresses = (impersonatedAddresses != null) ? List.copyOf(impersonatedAddresses) : List.of();
		impersonatedNames = (impersonatedNames != null) ? List.copyOf(impersonatedNames) : List.of();
	}

	/** Who called, when they are not yet among the partner's contacts. */
	public record NewContact(@Size(max = 100) String name, @Email @Size(max = 200) String email,
			@Size(max = 40) @Pattern(regexp = "^[0-9+()\\-\\s]*$", message = "{partner.phone.invalid}") String phone) {

		boolean isGiven() {
			return this.name != null && !this.name.isBlank();
		}

	}

}
