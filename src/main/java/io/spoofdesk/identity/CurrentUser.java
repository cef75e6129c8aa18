package io.spoofdesk.identity;

import java.util.EnumSet;
import java.util.Set;

import io.spoofdesk.audit.AuditLog;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in the current request, for modules that record or check it. */
public final class CurrentUser {

	private CurrentUser() {
	}

	/** The signed-in user's name, or {@value AuditLog#SYSTEM} outside a request. */
	public static String username() {
		Authentication authentication = authentication();
		return (authentication != null) ? authentication.getName() : AuditLog.SYSTEM;
	}

	public static Set<Role> roles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Authentication authentication = authentication();
		if (authentication != null) {
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				for (Role role : Role.values()) {
					if (role.authority().equals(authority.getAuthority())) {
						roles.add(role);
					}
				}
			}
		}
		return roles;
	}

	private static Authentication authentication() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication == null || authentication instanceof AnonymousAuthenticationToken) ? null
				: authentication;
	}

}
