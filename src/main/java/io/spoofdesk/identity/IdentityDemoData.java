package io.spoofdesk.identity;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.spoofdesk.shared.DemoDataSeeder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Demo users, one per role, with random passwords printed once to the log. */
@Component
@ConditionalOnBooleanProperty("spoofdesk.demo-data.enabled")
class IdentityDemoData implements DemoDataSeeder {

	private static final Logger log = LoggerFactory.getLogger(IdentityDemoData.class);

	private static final List<NewUser> USERS = List.of(
			new NewUser("helpdesk", "山田 花子", "yamada@kitamura-seiki.co.jp", Set.of(Role.HELPDESK), null),
			new NewUser("staff", "佐藤 健", "sato@kitamura-seiki.co.jp", Set.of(Role.STAFF), null),
			new NewUser("manager", "田中 誠", "tanaka@kitamura-seiki.co.jp", Set.of(Role.MANAGER), null),
			new NewUser("it-lead", "小林 大輔", "kobayashi@kitamura-seiki.co.jp",
					Set.of(Role.HELPDESK, Role.MANAGER, Role.ADMIN), null));

	private final UserAccounts accounts;

	IdentityDemoData(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void seed() {
		for (NewUser user : USERS) {
			if (!this.accounts.exists(user.username())) {
				String password = UserAccounts.randomPassword();
				this.accounts
					.create(new NewUser(user.username(), user.displayName(), user.email(), user.roles(), password));
				log.warn("Demo user '{}' ({}) created with password {} (shown only this once)", user.username(),
						user.roles(), password);
			}
		}
	}

}
