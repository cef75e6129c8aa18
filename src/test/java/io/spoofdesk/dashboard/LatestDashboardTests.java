package io.spoofdesk.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.spoofdesk.support.IncidentFixtures;
import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard answered again from memory only while the database holds what it was
 * counted from. Other applications of the test run share the database and may write at
 * any moment; a look that such a write interrupted is tried again.
 */
@ServerTest
class LatestDashboardTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DashboardQueries queries;

	@Autowired
	LatestDashboard latest;

	@Test
	void aSecondLookWithNothingWrittenMeanwhileIsAnsweredFromMemory() {
		assertThat(twoLooksWithNothingWritten(this.latest)).isTrue();
	}

	@Test
	void aChangeShowsAtTheNextLook() {
		this.latest.get();
		this.latest.get();

		new IncidentFixtures(this.jdbc).incident(Instant.now(), "NEW", "seen at once");

		assertThat(this.latest.get().openByStatus()).isEqualTo(plainByStatus());
	}

	@Test
	void whatDependsOnTheHourAloneIsCountedAgainAfterTheMaximumAge() {
		MovableClock clock = new MovableClock(Instant.now());
		LatestDashboard latest = new LatestDashboard(this.jdbc, this.queries, clock);
		assertThat(twoLooksWithNothingWritten(latest)).isTrue();
		Dashboard kept = latest.get();

		clock.now = clock.now.plus(LatestDashboard.MAX_AGE);

		assertThat(latest.get()).isNotSameAs(kept);
	}

	/**
	 * Whether two looks in a row, with no write anywhere between them, gave the same
	 * answer; tried again when something wrote meanwhile.
	 */
	private boolean twoLooksWithNothingWritten(LatestDashboard latest) {
		for (int attempt = 0; attempt < 10; attempt++) {
			String before = snapshot();
			Dashboard first = latest.get();
			Dashboard second = latest.get();
			if (snapshot().equals(before)) {
				return first == second;
			}
		}
		throw new IllegalStateException("the database was written to during every one of ten attempts");
	}

	private String snapshot() {
		return this.jdbc.sql("SELECT pg_current_snapshot()::text").query(String.class).single();
	}

	private List<Dashboard.Count> plainByStatus() {
		return this.jdbc
			.sql("SELECT status, count(*) FROM incident WHERE status NOT IN ('CLOSED', 'FALSE_POSITIVE') "
					+ "GROUP BY status ORDER BY status")
			.query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getLong(2)))
			.list();
	}

	private static final class MovableClock extends Clock {

		Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
