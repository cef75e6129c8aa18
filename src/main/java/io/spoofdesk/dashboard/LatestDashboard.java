package io.spoofdesk.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard as the page and the API show it: the figures of {@link DashboardQueries},
 * answered again from memory while the database holds exactly what they were counted
 * from.
 * <p>
 * "Exactly" is PostgreSQL's own word for it: its current snapshot (which transactions a
 * statement sees) changes whenever any write commits, on any connection or server. The
 * figures are kept with the snapshot before and after counting them (when the two differ,
 * something committed meanwhile and they are not kept), and served again only while the
 * snapshot is still the same. A manager who changes an incident sees the change at the
 * next look. What depends on the hour alone (steps that became overdue, a new week) is
 * counted again after {@link #MAX_AGE} at the latest.
 */
@Component
class LatestDashboard {

	static final Duration MAX_AGE = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final DashboardQueries queries;

	private final Clock clock;

	private volatile Counted latest;

	LatestDashboard(JdbcClient jdbc, DashboardQueries queries, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.clock = clock;
	}

	Dashboard get() {
		Instant now = Instant.now(this.clock);
		String before = snapshot();
		Counted kept = this.latest;
		if (kept != null && kept.snapshot().equals(before) && !now.isBefore(kept.at())
				&& now.isBefore(kept.at().plus(MAX_AGE))) {
			return kept.dashboard();
		}
		Dashboard counted = this.queries.current();
		if (snapshot().equals(before)) {
			this.latest = new Counted(before, now, counted);
		}
		return counted;
	}

	/** The database's current snapshot (xmin:xmax:transactions in progress). */
	private String snapshot() {
		return this.jdbc.sql("SELECT pg_current_snapshot()::text").query(String.class).single();
	}

	private record Counted(String snapshot, Instant at, Dashboard dashboard) {
	}

}
