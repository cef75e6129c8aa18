package io.spoofdesk.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * DESIGN.md's role × operation table, one constant per line in the table's order, with
 * the roles that may. This is the one place that says which role may do what: method
 * security ({@code @PreAuthorize("@may.editCases()")}), the URL rules, services and
 * templates all ask it, through {@link Permissions} where the signed-in user is meant.
 * Finer rules that depend on the object (own or unassigned steps, a batch's state) stay
 * with the services that read the object.
 */
public enum Permission {

	/** See incidents, partners, checklists, analysis. */
	SEE_CASES(Role.HELPDESK, Role.STAFF, Role.MANAGER, Role.ADMIN),

	/** Create incidents, attach mail, edit partners. */
	EDIT_CASES(Role.HELPDESK, Role.MANAGER),

	/** Add notes ("notes only" for staff). */
	ADD_NOTES(Role.HELPDESK, Role.STAFF, Role.MANAGER),

	/** Change status up to RECOVERED, assign. */
	MOVE_CASES(Role.HELPDESK, Role.MANAGER),

	/**
	 * Close, reopen, mark FALSE_POSITIVE, skip a required step (and work on anyone's
	 * step).
	 */
	DECIDE_CASES(Role.MANAGER),

	/** Work on checklist steps (own or unassigned); who may be given a step. */
	WORK_ON_STEPS(Role.HELPDESK, Role.STAFF, Role.MANAGER),

	/** Create and edit warning drafts. */
	DRAFT_WARNINGS(Role.HELPDESK, Role.MANAGER),

	/** Approve and send drafts, mark sent. */
	APPROVE_WARNINGS(Role.MANAGER),

	/** Download raw mail and evidence files. */
	DOWNLOAD_ORIGINALS(Role.MANAGER, Role.ADMIN),

	/** Dashboard, reports, exports (CSV, STIX). */
	SEE_REPORTS(Role.MANAGER, Role.ADMIN),

	/** Users, roles, playbooks, templates, settings, audit log, API docs. */
	ADMINISTER(Role.ADMIN);

	private final Set<Role> roles;

	Permission(Role first, Role... rest) {
		this.roles = EnumSet.of(first, rest);
	}

	/** Whether someone holding these roles may. */
	public boolean allows(Collection<Role> held) {
		for (Role role : held) {
			if (this.roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(this.roles);
	}

	/** The role names, for Spring Security's {@code hasAnyRole}. */
	public String[] roleNames() {
		return this.roles.stream().map(Role::name).toArray(String[]::new);
	}

}
