package io.spoofdesk.identity;

import org.springframework.stereotype.Component;

/**
 * Who did something, as pages show it: {@code ${@people.name(step.assignee)}} gives the
 * person's display name (山田 花子) where the database keeps the user name (yamada).
 */
@Component("people")
public class People {

	private final UserAccounts accounts;

	People(UserAccounts accounts) {
		this.accounts = accounts;
	}

	/** The display name for a user name; null for null. */
	public String name(String username) {
		return this.accounts.displayName(username);
	}

}
