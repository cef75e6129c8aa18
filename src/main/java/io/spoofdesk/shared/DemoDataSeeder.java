package io.spoofdesk.shared;

/**
 * A module's part of the demo data set, seeded at start when
 * {@code spoofdesk.demo-data.enabled} is true (the one-command developer run), never in
 * production. Each seeder must be idempotent: it runs at every start and adds only what
 * is missing.
 */
public interface DemoDataSeeder {

	/** Lower runs first: users before partners before incidents. */
	int order();

	void seed();

}
