package io.spoofdesk.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.support.IncidentFixtures;
import io.spoofdesk.warningmail.WarningQueries;
import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
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

	@Autowired
	ApplicationContext context;

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
	void thoseWhoArriveWhileACountRunsShareTheNextCount() throws Exception {
		GatedQueries gated = new GatedQueries(this.context);
		LatestDashboard latest = new LatestDashboard(this.jdbc, gated, Clock.systemUTC());
		Thread first = started(latest::get);
		gated.entered.await();

		List<Thread> later = new ArrayList<>();
		List<Dashboard> seen = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 7; i++) {
			later.add(started(() -> seen.add(latest.get())));
		}
		// each waits: for the running count to end, or (counting itself) at the gate
		for (Thread thread : later) {
			while (thread.getState() != Thread.State.WAITING) {
				Thread.sleep(10);
			}
		}
		gated.release.countDown();
		first.join();
		for (Thread thread : later) {
			thread.join();
		}

		assertThat(gated.counts.get()).as("the running count, then one for all who waited").isEqualTo(2);
		assertThat(seen).hasSize(7).allSatisfy(dashboard -> assertThat(dashboard).isSameAs(seen.get(0)));
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

	private static Thread started(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
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

	/** The real counts, counted, each held at a gate until the test opens it. */
	private static final class GatedQueries extends DashboardQueries {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger counts = new AtomicInteger();

		GatedQueries(ApplicationContext context) {
			super(context.getBean(JdbcClient.class), context.getBean(CompanyTimeZone.class),
					context.getBean(Clock.class), context.getBean(ResponseTimes.class),
					context.getBean(WarningQueries.class));
		}

		@Override
		public Dashboard current() {
			this.counts.incrementAndGet();
			this.entered.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return super.current();
		}

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
