package io.spoofdesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests run against, and the fresh database created on it for
 * one test run.
 * <p>
 * The server is, in order of preference: the one named by {@code TEST_DATABASE_URL} (with
 * {@code TEST_DATABASE_USERNAME} / {@code TEST_DATABASE_PASSWORD}); a Testcontainers
 * PostgreSQL when a Docker engine answers; an embedded PostgreSQL (real binaries from
 * Maven). On that server a new UTF-8 database with a UTF-8 ctype is created, so Japanese
 * text search behaves as in production, and it is dropped when the run ends. The run
 * database is never touched.
 */
public final class TestDatabase implements AutoCloseable {

	private static final Pattern JDBC_URL = Pattern
		.compile("^jdbc:postgresql://(?<hostPort>[^/]+)/(?<database>[^?]*)(?<params>\\?.*)?$");

	/** Tried in order: Debian/Ubuntu name, other glibc spelling, a common full locale. */
	private static final List<String> UTF8_CTYPES = List.of("C.UTF-8", "C.utf8", "en_US.UTF-8");

	private final String serverDescription;

	private final String adminUrl;

	private final String username;

	private final String password;

	private final String databaseName;

	private final AutoCloseable server;

	private TestDatabase(String serverDescription, String adminUrl, String username, String password,
			AutoCloseable server) {
		this.serverDescription = serverDescription;
		this.adminUrl = adminUrl;
		this.username = username;
		this.password = password;
		this.server = server;
		this.databaseName = "spoofdesk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	public static TestDatabase start() throws Exception {
		String url = System.getenv("TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			return createOn("TEST_DATABASE_URL " + url, url, envOr("TEST_DATABASE_USERNAME", "postgres"),
					envOr("TEST_DATABASE_PASSWORD", ""), () -> {
					});
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return createOn("Testcontainers " + container.getJdbcUrl(), container.getJdbcUrl(), container.getUsername(),
					container.getPassword(), container::stop);
		}
		EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
		return createOn("embedded PostgreSQL on port " + embedded.getPort(),
				embedded.getJdbcUrl("postgres", "postgres"), "postgres", "", embedded);
	}

	/**
	 * One more fresh database on the server of the test run's database (named by the
	 * {@code spring.datasource.*} system properties), for a test that starts its own
	 * applications and must not share their data with the other tests. Dropped on close;
	 * the server stays.
	 */
	public static TestDatabase anotherOnTheRunServer() throws SQLException {
		return createOn("a second database beside the run's", System.getProperty("spring.datasource.url"),
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"),
				() -> {
				});
	}

	private static TestDatabase createOn(String description, String adminUrl, String username, String password,
			AutoCloseable server) throws SQLException {
		TestDatabase database = new TestDatabase(description, adminUrl, username, password, server);
		database.create();
		return database;
	}

	private void create() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.username, this.password);
				Statement statement = connection.createStatement()) {
			SQLException last = null;
			for (String ctype : UTF8_CTYPES) {
				try {
					statement.execute("CREATE DATABASE " + this.databaseName + " TEMPLATE template0 ENCODING 'UTF8'"
							+ " LC_COLLATE '" + ctype + "' LC_CTYPE '" + ctype + "'");
					return;
				}
				catch (SQLException ex) {
					last = ex;
				}
			}
			throw last;
		}
	}

	public String jdbcUrl() {
		Matcher matcher = JDBC_URL.matcher(this.adminUrl);
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + this.adminUrl);
		}
		String params = (matcher.group("params") != null) ? matcher.group("params") : "";
		return "jdbc:postgresql://" + matcher.group("hostPort") + "/" + this.databaseName + params;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	public String describe() {
		return "database " + this.databaseName + " on " + this.serverDescription;
	}

	@Override
	public void close() throws Exception {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.databaseName + " WITH (FORCE)");
		}
		finally {
			this.server.close();
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
