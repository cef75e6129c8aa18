package io.spoofdesk.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import io.spoofdesk.SpoofDeskApplication;
import io.spoofdesk.support.ApiClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops under a running application and comes back: the application answers a
 * clean error meanwhile, recovers by itself within seconds, and nothing written before
 * the stop is lost. Runs its own PostgreSQL (embedded, real binaries) and its own
 * application, so stopping the database touches no other test.
 */
class PostgresRestartTests {

	static final String ADMIN_PASSWORD = "restart-admin-Pa55word";

	static final String PASSWORD = "restart-helpdesk-Pa55word";

	@TempDir
	Path data;

	@Test
	void theAppRecoversByItselfAndKeepsWhatWasWrittenBeforeTheRestart() throws Exception {
		int databasePort = freePort();
		EmbeddedPostgres postgres = start(databasePort);
		ConfigurableApplicationContext app = null;
		try {
			// command-line arguments: they outrank the system properties that point the
			// other
			// tests at the shared test database
			app = new SpringApplicationBuilder(SpoofDeskApplication.class).run(
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
					"--server.address=127.0.0.1", "--spoofdesk.admin.username=admin",
					"--spoofdesk.admin.password=" + ADMIN_PASSWORD, "--spoofdesk.warning-mail.send-initial-delay=PT24H",
					"--spoofdesk.warning-mail.send-interval=PT24H");
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			ApiClient admin = ApiClient.basic(port, "admin", ADMIN_PASSWORD);
			assertThat(admin
				.post("/api/v1/users",
						"""
								{"username": "desk", "displayName": "Desk", "roles": ["HELPDESK"], "password": "%s"}"""
							.formatted(PASSWORD))
				.statusCode()).isEqualTo(201);
			ApiClient helpdesk = ApiClient.basic(port, "desk", PASSWORD);
			for (int i = 0; i < 20; i++) {
				assertThat(report(helpdesk, "before-" + i).statusCode()).isEqualTo(201);
			}

			stop(postgres, databasePort);
			Instant asked = Instant.now();
			HttpResponse<String> down = helpdesk.get("/api/v1/incidents");
			System.out.println("While PostgreSQL was down SpoofDesk answered " + down.statusCode() + " after "
					+ Duration.between(asked, Instant.now()).toMillis() + " ms");
			assertThat(down.statusCode()).as("while the database is down").isGreaterThanOrEqualTo(500);
			assertThat(down.body()).doesNotContain("Exception", "org.postgresql");

			postgres = start(databasePort);
			Instant restarted = Instant.now();
			int status = 0;
			while (status != 200 && Duration.between(restarted, Instant.now()).toSeconds() < 60) {
				status = helpdesk.get("/api/v1/incidents").statusCode();
				if (status != 200) {
					Thread.sleep(200);
				}
			}
			Duration recovery = Duration.between(restarted, Instant.now());
			System.out.println("SpoofDesk answered again " + recovery.toMillis() + " ms after PostgreSQL was back");
			assertThat(status).isEqualTo(200);
			assertThat(recovery).as("recovered by itself within seconds").isLessThan(Duration.ofSeconds(10));
			assertThat(count(postgres, "before-%")).as("nothing written before the restart is lost").isEqualTo(20);
			assertThat(report(helpdesk, "after").statusCode()).isEqualTo(201);
			assertThat(count(postgres, "after")).isEqualTo(1);
		}
		finally {
			if (app != null) {
				app.close();
			}
			postgres.close();
		}
	}

	/**
	 * Stops PostgreSQL as an administrator's restart does: a fast shutdown (SIGINT to the
	 * postmaster, what {@code pg_ctl stop -m fast} sends), which ends every open session,
	 * then waits until the server is gone. (The embedded server's own close ends the
	 * postmaster only: the application's pooled sessions would go on working, which no
	 * real restart allows; and pg_ctl refuses to run as root, as CI does.)
	 */
	void stop(EmbeddedPostgres postgres, int port) throws Exception {
		Path pidFile = this.data.resolve("postmaster.pid");
		String pid = java.nio.file.Files.readAllLines(pidFile).get(0).trim();
		assertThat(new ProcessBuilder("kill", "-INT", pid).start().waitFor()).isZero();
		Instant deadline = Instant.now().plusSeconds(30);
		while (java.nio.file.Files.exists(pidFile)) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("PostgreSQL did not stop");
			}
			Thread.sleep(100);
		}
		waitUntilRefused(port);
		postgres.close();
	}

	static void waitUntilRefused(int port) throws Exception {
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
				Thread.sleep(100);
			}
			catch (IOException refused) {
				return;
			}
		}
		throw new IllegalStateException("PostgreSQL still listens on " + port);
	}

	EmbeddedPostgres start(int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.data.toFile())
			.setCleanDataDirectory(false)
			.setPort(port)
			.setLocaleConfig("locale", "C.UTF-8")
			.start();
	}

	static HttpResponse<String> report(ApiClient client, String title) {
		return client.post("/api/v1/incidents", """
				{"title": "%s", "channel": "PHONE", "severity": "LOW", "impersonatedAddresses": [],
				 "reportedAt": "%s"}""".formatted(title, Instant.now()));
	}

	static long count(EmbeddedPostgres postgres, String titlePattern) throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT count(*) FROM incident WHERE title LIKE '" + titlePattern + "'")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
