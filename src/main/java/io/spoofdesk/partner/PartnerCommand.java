package io.spoofdesk.partner;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.spoofdesk.shared.ValidDomainName;

/**
 * What a partner is to become: the JSON of {@code POST/PUT /api/v1/partners} and what the
 * page's form turns into. {@code version} is the version the editor saw (updates only).
 */
public record PartnerCommand(@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameKana,
		@Size(max = 5000) String notes, @NotNull List<@NotBlank @ValidDomainName String> domains,
		@NotNull @Valid List<ContactCommand> contacts, Long version) {

	/**
	 * A contact; {@code id} names an existing one to keep (and update), null adds one.
	 */
	public record ContactCommand(Long id, @NotBlank @Size(max = 100) String name, @Email @Size(max = 200) String email,
			@Size(max = 40) @Pattern(regexp = "^[0-9+()\\-\\s]*$", message = "{partner.phone.invalid}") String phone,
			@Size(max = 100) String role) {

	}

}
