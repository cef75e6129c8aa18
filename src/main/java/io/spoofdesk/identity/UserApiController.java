package io.spoofdesk.identity;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import io.spoofdesk.shared.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: the admin's user management for scripts. */
@Tag(name = "Users", description = "User accounts and their roles (admins only).")
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("@may.administer()")
class UserApiController {

	private final UserAccounts accounts;

	UserApiController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Operation(summary = "List users")
	@GetMapping
	List<UserView> list() {
		return this.accounts.all();
	}

	@Operation(summary = "Get a user")
	@GetMapping("/{id}")
	UserView get(@PathVariable long id) {
		return this.accounts.get(id);
	}

	@Operation(summary = "Create a user")
	@PostMapping
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser user) {
		UserView created = this.accounts.create(user);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

	@Operation(summary = "Change a user's roles")
	@PutMapping("/{id}/roles")
	UserView changeRoles(@PathVariable long id, @Valid @RequestBody RolesBody body,
			@AuthenticationPrincipal SignedInUser me) {
		if (me.id() == id && !Permission.ADMINISTER.allows(body.roles())) {
			throw new ConflictException("identity.selfLockout");
		}
		return this.accounts.changeRoles(id, body.roles());
	}

	@Operation(summary = "Disable a user")
	@PostMapping("/{id}/disable")
	UserView disable(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		if (me.id() == id) {
			throw new ConflictException("identity.selfLockout");
		}
		return this.accounts.setEnabled(id, false);
	}

	@Operation(summary = "Enable a user")
	@PostMapping("/{id}/enable")
	UserView enable(@PathVariable long id) {
		return this.accounts.setEnabled(id, true);
	}

	record RolesBody(@NotNull @NotEmpty Set<Role> roles) {

	}

}
