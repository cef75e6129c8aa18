package io.spoofdesk.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user to create: the JSON of {@code POST /api/v1/users}. The admin page generates a
 * password when none is typed and shows it once.
 */
record NewUser(
		@NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._@-]+$",
				message = "{identity.username.pattern}") String username,
		@NotBlank @Size(max = 100) String displayName, @Email @Size(max = 200) String email, @NotEmpty Set<Role> roles,
		@NotNull @Size(min = Passwords.MIN_LENGTH, max = 200, message = "{identity.password.length}") String password) {

}
