package io.spoofdesk.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the test run's database before the first test and drops it after the last one.
 * Spring test contexts find it through the standard {@code spring.datasource.*}
 * properties, set here as system properties, so every kind of Spring test (web slices
 * excepted, which need no database) talks to the same real PostgreSQL.
 */
public class TestDatabaseSession implements LauncherSessionListener {

	private TestDatabase database;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		try {
			this.database = TestDatabase.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not provide a PostgreSQL database for the tests", ex);
		}
		System.setProperty("spring.datasource.url", this.database.jdbcUrl());
		System.setProperty("spring.datasource.username", this.database.username());
		System.setProperty("spring.datasource.password", this.database.password());
		// Data JPA slices must use this database, not look for an in-memory one.
		System.setProperty("spring.test.database.replace", "none");
		System.out.println("SpoofDesk tests use " + this.database.describe());
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (this.database != null) {
			try {
				this.database.close();
			}
			catch (Exception ex) {
				System.err.println("Could not drop the test database: " + ex);
			}
		}
	}

}
