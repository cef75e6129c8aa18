package io.spoofdesk.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>
 * One count runs at a time: those who arrive while one runs wait for the next, which
 * begins after they arrived and so shows all they could have seen, and is shared by all
 * of them (without it, every waiting request counted the same figures again).
 */
@Component
class LatestDashboard {

	static final Duration MAX_AGE = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final DashboardQueries queries;

	private final Clock clock;

	private volatile Counted latest;

	private final ReentrantLock counting = new ReentrantLock();

	LatestDashboard(JdbcClient jdbc, DashboardQueries queries, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.clock = clock;
	}

	Dashboard get() {
		long arrived = System.nanoTime();
		String before = snapshot();
		Counted kept = this.latest;
		if (kept != null && kept.stillTrue(before, Instant.now(this.clock))) {
			return kept.dashboard();
		}
		this.counting.lock();
		try {
			kept = this.latest;
			if (kept != null && kept.began() - arrived >= 0) {
				return kept.dashboard();
			}
			return count();
		}
		finally {
			this.counting.unlock();
		}
	}

	/** Counts now; kept with its snapshot when nothing committed while counting. */
	private Dashboard count() {
		long began = System.nanoTime();
		Instant at = Instant.now(this.clock);
		String before = snapshot();
		Dashboard counted = this.queries.current();
		String after = snapshot();
		this.latest = new Counted(before.equals(after) ? before : null, at, began, counted);
		return counted;
	}

	/** The database's current snapshot (xmin:xmax:transactions in progress). */
	private String snapshot() {
		return this.jdbc.sql("SELECT pg_current_snapshot()::text").query(String.class).single();
	}

	/**
	 * Figures counted at {@code at} ({@code began} on the nano clock) from this snapshot,
	 * or from none when something committed while they were counted.
	 */
	private record Counted(String snapshot, Instant at, long began, Dashboard dashboard) {

		/**
		 * Whether the figures still hold: same snapshot, not older than the maximum age.
		 */
		boolean stillTrue(String now, Instant time) {
			return now.equals(this.snapshot) && !time.isBefore(this.at) && time.isBefore(this.at.plus(MAX_AGE));
		}

	}

}
