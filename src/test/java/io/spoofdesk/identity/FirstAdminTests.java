package io.spoofdesk.identity;

import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On an empty user table the first admin is created, with the configured password or a
 * random one printed once; never a well-known default. Runs in a rolled-back transaction
 * so the other tests keep their users.
 */
@ServerTest
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTests {

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void configuredPasswordIsUsedAndNotPrinted(CapturedOutput output) throws Exception {
		this.jdbc.sql("DELETE FROM app_user").update();

		new FirstAdmin(this.accounts, "chief", "configured-Secret-42").run(null);

		assertThat(storedHashOf("chief"))
			.satisfies(hash -> assertThat(this.passwordEncoder.matches("configured-Secret-42", hash)).isTrue());
		assertThat(output).doesNotContain("configured-Secret-42");
		assertThat(this.accounts.all()).singleElement()
			.satisfies(user -> assertThat(user.roles()).containsOnly(Role.ADMIN));
	}

	@Test
	void withoutAPasswordARandomOneIsPrintedOnce(CapturedOutput output) throws Exception {
		this.jdbc.sql("DELETE FROM app_user").update();

		new FirstAdmin(this.accounts, "admin", "").run(null);

		String line = output.getAll()
			.lines()
			.filter(l -> l.contains("created admin user 'admin'"))
			.findFirst()
			.orElseThrow();
		String password = line.replaceAll(".*with password (\\S+) .*", "$1");
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(this.passwordEncoder.matches(password, storedHashOf("admin"))).isTrue();
	}

	@Test
	void nothingHappensWhenUsersExist(CapturedOutput output) throws Exception {
		long before = this.jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();

		new FirstAdmin(this.accounts, "another-admin", "").run(null);

		assertThat(this.jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(before);
		assertThat(output).doesNotContain("another-admin");
	}

	@Test
	void tooShortConfiguredPasswordIsRefused() {
		this.jdbc.sql("DELETE FROM app_user").update();
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> new FirstAdmin(this.accounts, "admin", "admin").run(null))
			.withMessageContaining("SPOOFDESK_ADMIN_PASSWORD");
	}

	private String storedHashOf(String username) {
		return this.jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

}
