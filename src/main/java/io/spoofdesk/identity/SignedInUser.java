package io.spoofdesk.identity;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a signed-in session or API call. */
public record SignedInUser(long id, String username, String displayName, Set<Role> roles, String passwordHash,
		boolean enabled) implements UserDetails {

	static SignedInUser of(AppUser user) {
		return new SignedInUser(user.id(), user.username(), user.displayName(), user.roles(), user.passwordHash(),
				user.enabled());
	}

	/** The same user with the roles the account has now. */
	SignedInUser withRoles(Set<Role> roles) {
		return new SignedInUser(this.id, this.username, this.displayName, Set.copyOf(roles), this.passwordHash,
				this.enabled);
	}

	/** The same user after a password change in this session. */
	SignedInUser withPasswordHash(String passwordHash) {
		return new SignedInUser(this.id, this.username, this.displayName, this.roles, passwordHash, this.enabled);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public String toString() {
		return "SignedInUser[" + this.username + "]";
	}

}
