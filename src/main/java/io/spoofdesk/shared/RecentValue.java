package io.spoofdesk.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read on nearly every page (company settings, the people work can be assigned
 * to) kept for a few seconds instead of loaded each time. A change on this instance
 * {@link #forget() forgets} it at once and again after its transaction commits, so no
 * reader keeps what it loaded while the change was still open; another instance sees the
 * change within {@code freshFor}.
 */
public final class RecentValue<T> {

	private final Supplier<T> loader;

	private final Duration freshFor;

	private final Clock clock;

	private volatile Loaded<T> loaded;

	public RecentValue(Supplier<T> loader, Duration freshFor, Clock clock) {
		this.loader = loader;
		this.freshFor = freshFor;
		this.clock = clock;
	}

	public T get() {
		Loaded<T> current = this.loaded;
		Instant now = this.clock.instant();
		if (current == null || current.at().plus(this.freshFor).isBefore(now)) {
			current = new Loaded<>(this.loader.get(), now);
			this.loaded = current;
		}
		return current.value();
	}

	public void forget() {
		this.loaded = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					RecentValue.this.loaded = null;
				}
			});
		}
	}

	private record Loaded<T>(T value, Instant at) {

	}

}
