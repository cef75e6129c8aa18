package io.spoofdesk.warningmail;

import java.util.Set;

import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with warning mail, checked in the services whatever door the call came
 * through: the helpdesk and managers draft, only managers approve and send.
 */
final class WarningPermissions {

	private WarningPermissions() {
	}

	static void requireDrafter() {
		Set<Role> roles = CurrentUser.roles();
		if (!roles.contains(Role.HELPDESK) && !roles.contains(Role.MANAGER)) {
			throw new AccessDeniedException("Only helpdesk and managers draft warning mail");
		}
	}

	static void requireManager() {
		if (!CurrentUser.roles().contains(Role.MANAGER)) {
			throw new AccessDeniedException("Only managers approve and send warning mail");
		}
	}

}
