package io.spoofdesk.suspiciousmail;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The memory budget of the analysis: mails that together would hold more than it wait
 * their turn; none is refused while a share frees within the wait.
 */
class AnalysisBudgetTests {

	static final long MB = 1024 * 1024;

	final ExecutorService threads = Executors.newCachedThreadPool();

	@Test
	void mailsWithinTheBudgetAreAnalysedTogether() throws Exception {
		AnalysisBudget budget = new AnalysisBudget(64 * MB, Duration.ofSeconds(5));
		CountDownLatch bothStarted = new CountDownLatch(2);

		AnalysisBudget.Work<Boolean, RuntimeException> analysis = () -> {
			bothStarted.countDown();
			return awaitQuietly(bothStarted);
		};

		CompletableFuture<Boolean> first = started(() -> budget.spend(20 * MB, analysis));
		CompletableFuture<Boolean> second = started(() -> budget.spend(20 * MB, analysis));

		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aMailThatWouldOverspendWaitsUntilTheOneBeforeItIsDone() throws Exception {
		AnalysisBudget budget = new AnalysisBudget(32 * MB, Duration.ofSeconds(30));
		Holding first = hold(budget, 24 * MB);

		CompletableFuture<String> second = started(() -> budget.spend(24 * MB, () -> "second"));

		Thread.sleep(300);
		assertThat(second).as("waits while the first holds most of the budget").isNotDone();
		first.end();
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
	}

	@Test
	void aMailLargerThanTheWholeBudgetRunsAlone() {
		AnalysisBudget budget = new AnalysisBudget(8 * MB, Duration.ofMillis(100));

		assertThat(budget.spend(25 * MB, () -> "analysed")).isEqualTo("analysed");
		assertThat(budget.spend(1, () -> "and the budget is whole again")).isEqualTo("and the budget is whole again");
	}

	@Test
	void whenNoShareFreesWithinTheWaitTheCallerIsToldItIsBusy() throws Exception {
		AnalysisBudget budget = new AnalysisBudget(32 * MB, Duration.ofMillis(200));
		Holding big = hold(budget, 30 * MB);

		assertThatThrownBy(() -> budget.spend(10 * MB, () -> "never")).isInstanceOf(AnalysisBusyException.class)
			.satisfies(ex -> assertThat(((AnalysisBusyException) ex).reason().en()).contains("try again"));

		big.end();
		assertThat(budget.spend(10 * MB, () -> "taken once it freed")).isEqualTo("taken once it freed");
	}

	@Test
	void readingAMailWithinItsShareAndAnalysingItTakeOneShare() {
		AnalysisBudget budget = new AnalysisBudget(32 * MB, Duration.ofMillis(100));

		String analysed = budget.spend(24 * MB, () -> budget.spend(24 * MB, () -> "read, then analysed"));

		assertThat(analysed).isEqualTo("read, then analysed");
		assertThat(budget.spend(32 * MB, () -> "the whole budget free again")).isEqualTo("the whole budget free again");
	}

	@Test
	void aFailedAnalysisGivesItsShareBack() {
		AnalysisBudget budget = new AnalysisBudget(8 * MB, Duration.ofMillis(100));

		assertThatThrownBy(() -> budget.spend(8 * MB, () -> {
			throw new IllegalStateException("hostile mail");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(budget.spend(8 * MB, () -> "whole again")).isEqualTo("whole again");
	}

	/**
	 * An analysis of {@code size} bytes that has begun and holds its share until ended.
	 */
	private Holding hold(AnalysisBudget budget, long size) throws InterruptedException {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch mayEnd = new CountDownLatch(1);
		CompletableFuture<Boolean> analysis = started(() -> budget.spend(size, () -> {
			running.countDown();
			return awaitQuietly(mayEnd);
		}));
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		return new Holding(mayEnd, analysis);
	}

	private record Holding(CountDownLatch mayEnd, CompletableFuture<Boolean> analysis) {

		void end() throws Exception {
			this.mayEnd.countDown();
			assertThat(this.analysis.get(10, TimeUnit.SECONDS)).isTrue();
		}

	}

	/** A task of its own thread (the common pool may have a single one). */
	private <T> CompletableFuture<T> started(Supplier<T> task) {
		return CompletableFuture.supplyAsync(task, this.threads);
	}

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	private static boolean awaitQuietly(CountDownLatch latch) {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
