package io.spoofdesk.audit;

import java.net.http.HttpResponse;

import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The audit log is append-only and admins can search it. */
@ServerTest
class AuditLogTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordedLinesCanNeitherBeChangedNorDeleted() {
		this.auditLog.recordAs("tester", AuditEntry.change("TEST_CHANGE", "Thing", 1, "name", "a", "b"));

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(
					() -> this.jdbc.sql("UPDATE audit_event SET new_value = 'forged' WHERE actor = 'tester'").update())
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM audit_event WHERE actor = 'tester'").update());
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("TRUNCATE audit_event").update());
		assertThat(this.jdbc.sql("SELECT new_value FROM audit_event WHERE actor = 'tester'").query(String.class).list())
			.containsExactly("b");
	}

	@Test
	void adminFiltersTheLogByWhoAndWhat() {
		String username = Users.create(this.port, "STAFF");
		new Browser(this.port).signIn(username, "wrong-password-1");
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);

		HttpResponse<String> page = admin.get("/admin/audit?actor=" + username + "&action=LOGIN_FAILURE");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("LOGIN_FAILURE", username, "127.0.0.1").doesNotContain("LOGIN_SUCCESS");
	}

	@Test
	void olderLinesArePagedWithoutCounting() {
		for (int i = 0; i < 55; i++) {
			this.auditLog.recordAs("pager", AuditEntry.of("PAGE_TEST", "Thing", i));
		}
		Browser admin = new Browser(this.port);
		admin.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);

		String first = admin.get("/admin/audit?actor=pager").body();
		assertThat(first).contains("Thing 54").doesNotContain("Thing 4<");
		String older = first.replaceAll("(?s).*href=\"(/admin/audit\\?[^\"]*before=\\d+)\".*", "$1")
			.replace("&amp;", "&");

		String second = admin.get(older).body();
		assertThat(second).contains("Thing 4<", "Thing 0<").doesNotContain("Thing 54");
	}

}
