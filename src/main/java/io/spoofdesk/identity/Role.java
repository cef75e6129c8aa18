package io.spoofdesk.identity;

import java.sql.Array;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a person may do in SpoofDesk (see DESIGN.md's role table); a person may hold
 * several.
 */
public enum Role {

	/**
	 * Logs partners' reports, attaches mail, opens and assigns cases, drafts warning
	 * mail.
	 */
	HELPDESK,

	/** Works through checklist steps and records results. */
	STAFF,

	/** Reviews, approves and sends warning mail, closes cases, sees the dashboard. */
	MANAGER,

	/**
	 * Users, roles, playbooks, templates, settings, audit log. Does not imply MANAGER.
	 */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The roles of a SQL {@code text[]} column (app_user_role's, aggregated), as a set
	 * that cannot change.
	 */
	static Set<Role> fromSql(Array roles) throws SQLException {
		Set<Role> set = EnumSet.noneOf(Role.class);
		for (String role : (String[]) roles.getArray()) {
			set.add(Role.valueOf(role));
		}
		return Set.copyOf(set);
	}

}
