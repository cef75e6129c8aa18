package io.spoofdesk.suspiciousmail;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How much mail is analysed at the same moment, in bytes. An analysis holds some four
 * times its mail in memory (a 23.5 MB mail with a ZIP: 80-100 MB); without a bound, a few
 * large mails posted together exhausted the heap (with {@code -Xmx512m}, eight 23.5 MB
 * mails at once: one {@link OutOfMemoryError}; with {@code -Xmx320m}, six: three). The
 * budget is an eighth of the heap; a mail waits for its share, in turn, and one larger
 * than the whole budget runs alone. When no share frees within the wait, the caller is
 * told the analysis is busy and may try again: nothing is lost. A thread that holds a
 * share (reading a request's body, then analysing it) analyses within it.
 */
final class AnalysisBudget {

	static final int HEAP_SHARE = 8;

	private static final ThreadLocal<Boolean> HOLDING = ThreadLocal.withInitial(() -> false);

	private final Semaphore kilobytes;

	private final int total;

	private final Duration wait;

	AnalysisBudget(long bytes, Duration wait) {
		this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / 1024));
		this.kilobytes = new Semaphore(this.total, true);
		this.wait = wait;
	}

	/** A budget of an eighth of this JVM's largest heap. */
	static AnalysisBudget ofHeap(Duration wait) {
		return new AnalysisBudget(Runtime.getRuntime().maxMemory() / HEAP_SHARE, wait);
	}

	/**
	 * Runs the analysis of a mail of {@code size} bytes once its share of the budget is
	 * free.
	 * @throws AnalysisBusyException when it is not free within the wait
	 */
	<T, E extends Exception> T spend(long size, Work<T, E> analysis) throws E {
		if (HOLDING.get()) {
			return analysis.run();
		}
		int share = (int) Math.min(this.total, Math.max(1, (size + 1023) / 1024));
		try {
			if (!this.kilobytes.tryAcquire(share, this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AnalysisBusyException();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AnalysisBusyException();
		}
		HOLDING.set(true);
		try {
			return analysis.run();
		}
		finally {
			HOLDING.remove();
			this.kilobytes.release(share);
		}
	}

	/** Work on a mail: reading it, analysing it. */
	@FunctionalInterface
	interface Work<T, E extends Exception> {

		T run() throws E;

	}

}
