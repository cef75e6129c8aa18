package io.spoofdesk.identity;

import java.util.Set;
import java.util.TreeSet;

/** A user as pages, the API and other modules see it: never the password hash. */
public record UserView(long id, String username, String displayName, String email, Set<Role> roles, boolean enabled,
		long version) {

	public UserView {
		roles = new TreeSet<>(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
