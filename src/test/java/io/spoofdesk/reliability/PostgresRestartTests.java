package io.spoofdesk.reliability;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.spoofdesk.SpoofDeskApplication;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.FreePort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops under a running application, with eight users filing reports and
 * reading the list, and comes back: the application answers clean errors meanwhile (never
 * a 4xx, a hang or a dropped connection), recovers by itself within seconds, and no
 * report it acknowledged, before or during the outage, is lost. Runs its own PostgreSQL
 * (embedded, real binaries) and its own application, so stopping the database touches no
 * other test.
 */
class PostgresRestartTests {

	static final String ADMIN_PASSWORD = "restart-admin-Pa55word";

	static final String PASSWORD = "restart-helpdesk-Pa55word";

	@TempDir
	Path data;

	@Test
	void theAppRecoversByItselfAndKeepsWhatWasWrittenBeforeTheRestart() throws Exception {
		int databasePort = FreePort.any();
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

			// eight users keep filing reports and reading the list throughout
			// (with an API token: a password would cost each request a BCrypt check)
			String token = helpdesk.post("/api/v1/tokens", "{\"name\": \"load\"}")
				.body()
				.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
			Load load = Load.start(ApiClient.bearer(port, token), 8);
			Thread.sleep(2000);
			stop(postgres, databasePort);
			Instant asked = Instant.now();
			HttpResponse<String> down = helpdesk.get("/api/v1/incidents");
			Duration answeredIn = Duration.between(asked, Instant.now());
			System.out.println("While PostgreSQL was down SpoofDesk answered " + down.statusCode() + " after "
					+ answeredIn.toMillis() + " ms");
			assertThat(answeredIn).as("an error page, not a hang (connection timeout 5 s)")
				.isLessThan(Duration.ofSeconds(10));
			assertThat(down.statusCode()).as("while the database is down").isGreaterThanOrEqualTo(500);
			assertThat(down.body()).doesNotContain("Exception", "org.postgresql");
			Thread.sleep(2000);

			postgres = start(databasePort);
			Instant restarted = Instant.now();
			Instant recovered = load.firstSuccessAfter(restarted, Duration.ofSeconds(60));
			Thread.sleep(2000);
			load.stop();
			Duration recovery = Duration.between(restarted, recovered);
			System.out.printf(
					"Under load (8 users): %d reports filed, %d refused with 5xx while the database was away, "
							+ "%d other answers, %d broken connections; filing again %d ms after PostgreSQL was back%n",
					load.acknowledged.size(), load.serverErrors.get(), load.otherAnswers.size(), load.broken.get(),
					recovery.toMillis());
			assertThat(recovery).as("recovered by itself within seconds").isLessThan(Duration.ofSeconds(10));
			assertThat(load.otherAnswers).as("only successes and clean 5xx, never a 4xx or a hang").isEmpty();
			assertThat(load.broken.get()).as("no connection dropped").isZero();
			assertThat(load.serverErrors.get()).as("the outage was felt").isPositive();
			assertThat(titles(postgres, "load-%")).as("every report acknowledged with 201 is kept")
				.containsAll(load.acknowledged);
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
		String pid = Files.readAllLines(pidFile).get(0).trim();
		assertThat(new ProcessBuilder("kill", "-INT", pid).start().waitFor()).isZero();
		Instant deadline = Instant.now().plusSeconds(30);
		while (Files.exists(pidFile)) {
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
			try (Socket socket = new Socket("127.0.0.1", port)) {
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

	static Set<String> titles(EmbeddedPostgres postgres, String titlePattern) throws Exception {
		Set<String> titles = new HashSet<>();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT title FROM incident WHERE title LIKE '" + titlePattern + "'")) {
			while (rs.next()) {
				titles.add(rs.getString(1));
			}
		}
		return titles;
	}

	/**
	 * Users filing reports and reading the incident list in a loop, counting what came
	 * back: the titles acknowledged with 201, clean 5xx answers, anything else, and
	 * connections that broke.
	 */
	static final class Load {

		final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

		final ConcurrentLinkedQueue<Instant> successes = new ConcurrentLinkedQueue<>();

		final AtomicInteger serverErrors = new AtomicInteger();

		final Queue<String> otherAnswers = new ConcurrentLinkedQueue<>();

		final AtomicInteger broken = new AtomicInteger();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<Thread> users = new ArrayList<>();

		static Load start(ApiClient client, int users) {
			Load load = new Load();
			for (int user = 0; user < users; user++) {
				int id = user;
				Thread thread = new Thread(() -> load.work(client, id), "restart-load-" + user);
				load.users.add(thread);
				thread.start();
			}
			return load;
		}

		private void work(ApiClient client, int user) {
			for (int n = 0; this.running.get(); n++) {
				String title = "load-" + user + "-" + n;
				try {
					record(title, report(client, title));
					record(null, client.get("/api/v1/incidents"));
				}
				catch (RuntimeException ex) {
					this.broken.incrementAndGet();
				}
			}
		}

		private void record(String title, HttpResponse<String> response) {
			int status = response.statusCode();
			if (status == 200 || status == 201) {
				if (title != null) {
					this.acknowledged.add(title);
				}
				this.successes.add(Instant.now());
			}
			else if (status >= 500 && !response.body().contains("Exception")) {
				this.serverErrors.incrementAndGet();
			}
			else {
				this.otherAnswers.add(status + " " + response.body());
			}
		}

		Instant firstSuccessAfter(Instant moment, Duration within) throws InterruptedException {
			Instant deadline = moment.plus(within);
			while (Instant.now().isBefore(deadline)) {
				Optional<Instant> first = this.successes.stream()
					.filter(at -> at.isAfter(moment))
					.min(Instant::compareTo);
				if (first.isPresent()) {
					return first.get();
				}
				Thread.sleep(20);
			}
			return deadline;
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			for (Thread user : this.users) {
				user.join(60_000);
			}
		}

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

}
