package io.spoofdesk;

import java.nio.file.Path;

import io.spoofdesk.incident.IncidentDataGenerator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;

/**
 * The one-command developer run: {@code ./mvnw spring-boot:test-run}.
 * <p>
 * With the arguments {@code generate,N} it fills the database with N generated incidents
 * instead (see {@code IncidentDataGenerator}).
 * <p>
 * Uses the PostgreSQL named by {@code SPRING_DATASOURCE_URL} when set; otherwise starts
 * an embedded PostgreSQL (real binaries from Maven) whose data lives in
 * {@code .data/postgres} of the project and survives restarts. Listens on 127.0.0.1 only
 * and seeds demo data. Without an SMTP server or reporting mailbox configured it starts
 * its own ({@link DevMailServer}). This class lives under {@code src/test}, so the
 * production jar carries no embedded database or mail server.
 */
public final class DevSpoofDeskApplication {

	static final Path DATA_DIRECTORY = Path.of(".data", "postgres");

	static final int EMBEDDED_PORT = 54329;

	private DevSpoofDeskApplication() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 1 && args[0].startsWith("generate,")) {
			// Maven passes -Dspring-boot.run.arguments=generate,N as one argument
			args = args[0].split(",");
		}
		if (args.length > 0 && "generate".equals(args[0])) {
			// ./mvnw spring-boot:test-run -Dspring-boot.run.arguments=generate,100000
			IncidentDataGenerator.generate((args.length > 1) ? Integer.parseInt(args[1].replace("_", "")) : 10_000);
			return;
		}
		if (isBlank(System.getenv("SPRING_DATASOURCE_URL")) && isBlank(System.getProperty("spring.datasource.url"))) {
			startEmbeddedDatabase();
		}
		setDefault("server.address", "127.0.0.1");
		setDefault("spoofdesk.demo-data.enabled", "true");
		DevMailServer.startUnlessConfigured();
		SpringApplication.run(SpoofDeskApplication.class, args);
	}

	/**
	 * Starts the developer database and points spring.datasource.* at it (also used by
	 * the data generator).
	 */
	public static void startEmbeddedDatabase() throws Exception {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(DATA_DIRECTORY.toFile())
			.setCleanDataDirectory(false)
			.setPort(EMBEDDED_PORT)
			.setLocaleConfig("locale", "C.UTF-8")
			.start();
		// EmbeddedPostgres stops the server in its own shutdown hook; the data directory
		// stays.
		System.setProperty("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
		System.setProperty("spring.datasource.username", "postgres");
		System.setProperty("spring.datasource.password", "");
		System.out.println("SpoofDesk dev run: embedded PostgreSQL on 127.0.0.1:" + EMBEDDED_PORT + ", data kept in "
				+ DATA_DIRECTORY.toAbsolutePath() + " (set SPRING_DATASOURCE_URL to use another database)");
	}

	private static void setDefault(String key, String value) {
		if (System.getProperty(key) == null) {
			System.setProperty(key, value);
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
