package io.spoofdesk.identity;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When no user exists yet, creates the first admin: user name from
 * {@code SPOOFDESK_ADMIN_USERNAME} (default {@code admin}), password from
 * {@code SPOOFDESK_ADMIN_PASSWORD}, or a random one printed once to the log. Never a
 * well-known default.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final UserAccounts accounts;

	private final String username;

	private final String password;

	FirstAdmin(UserAccounts accounts, @Value("${spoofdesk.admin.username:admin}") String username,
			@Value("${spoofdesk.admin.password:}") String password) {
		this.accounts = accounts;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.exists()) {
			return;
		}
		boolean generated = this.password.isBlank();
		if (!generated && this.password.length() < Passwords.MIN_LENGTH) {
			throw new IllegalStateException(
					"SPOOFDESK_ADMIN_PASSWORD must have at least " + Passwords.MIN_LENGTH + " characters");
		}
		String initial = generated ? UserAccounts.randomPassword() : this.password;
		this.accounts.create(new NewUser(this.username, "Administrator", null, Set.of(Role.ADMIN), initial));
		if (generated) {
			log.warn("First run: created admin user '{}' with password {} (shown only this once; change it on "
					+ "the profile page)", this.username, initial);
		}
		else {
			log.info("First run: created admin user '{}' with the password from SPOOFDESK_ADMIN_PASSWORD",
					this.username);
		}
	}

}
