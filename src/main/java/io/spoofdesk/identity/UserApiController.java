package io.spoofdesk.identity;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import io.spoofdesk.shared.ConflictException;

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
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UserApiController {

	private final UserAccounts accounts;

	UserApiController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	List<UserView> list() {
		return this.accounts.all();
	}

	@GetMapping("/{id}")
	UserView get(@PathVariable long id) {
		return this.accounts.get(id);
	}

	@PostMapping
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser user) {
		UserView created = this.accounts.create(user);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

	@PutMapping("/{id}/roles")
	UserView changeRoles(@PathVariable long id, @Valid @RequestBody RolesBody body,
			@AuthenticationPrincipal SignedInUser me) {
		if (me.id() == id && !body.roles().contains(Role.ADMIN)) {
			throw new ConflictException("identity.selfLockout");
		}
		return this.accounts.changeRoles(id, body.roles());
	}

	@PostMapping("/{id}/disable")
	UserView disable(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		if (me.id() == id) {
			throw new ConflictException("identity.selfLockout");
		}
		return this.accounts.setEnabled(id, false);
	}

	@PostMapping("/{id}/enable")
	UserView enable(@PathVariable long id) {
		return this.accounts.setEnabled(id, true);
	}

	record RolesBody(@NotNull @NotEmpty Set<Role> roles) {

	}

}
