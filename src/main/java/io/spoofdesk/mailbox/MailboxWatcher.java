package io.spoofdesk.mailbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the reporting mailbox as soon as a mail arrives: one connection waits in IMAP
 * IDLE and, when the folder changes, the mailbox is read at once (through
 * {@link MailboxIntake#pollOnce}, so the lease and the filing rules are the same). Where
 * the server does not offer IDLE, or while the mailbox is off, it only looks again now
 * and then; the interval reading goes on in every case and catches up whatever a dropped
 * connection missed.
 */
@Component
class MailboxWatcher implements SmartLifecycle {

	/** How long one IDLE lasts before it is renewed (servers drop it after 30 min). */
	static final Duration IDLE_RENEWAL = Duration.ofMinutes(10);

	/** How soon the settings are looked at again while the mailbox is off or failing. */
	static final Duration RECHECK = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);

	private final Supplier<IntakeProperties> settings;

	private final Runnable read;

	private volatile boolean running;

	private volatile ImapMailbox watched;

	private Thread thread;

	/** Ends a pause early: the settings were saved. */
	private final Object nudge = new Object();

	private boolean nudged; // guarded by nudge

	@Autowired
	MailboxWatcher(IntakeSettings settings, MailboxIntake intake) {
		this(settings::current, intake::pollOnce);
	}

	/**
	 * @param settings the mailbox's settings as they are now
	 * @param read reads the mailbox (files what is new)
	 */
	MailboxWatcher(Supplier<IntakeProperties> settings, Runnable read) {
		this.settings = settings;
		this.read = read;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.thread = new Thread(this::watch, "mailbox-watcher");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		ImapMailbox current = this.watched;
		if (current != null) {
			current.wake();
		}
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * The settings were saved: a wait on the mailbox as it was set up ends now, so that
	 * the new settings (another mailbox, or off) are in force at once, not when the IDLE
	 * is next renewed.
	 */
	@EventListener(IntakeSettings.Changed.class)
	void settingsChanged() {
		synchronized (this.nudge) {
			this.nudged = true;
			this.nudge.notifyAll();
		}
		ImapMailbox current = this.watched;
		if (current != null) {
			current.wake();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void watch() {
		while (this.running) {
			IntakeProperties current = settingsNow();
			if (current != null && current.enabled() && current.configured()) {
				watch(current);
			}
			pause(RECHECK);
		}
	}

	/**
	 * Waits in IDLE on this mailbox until its settings change or the connection fails.
	 */
	private void watch(IntakeProperties current) {
		try (ImapMailbox mailbox = ImapMailbox.watch(current)) {
			if (!mailbox.offersIdle()) {
				log.info("Mailbox: {} does not offer IMAP IDLE; it is read every {}", current.host(),
						current.pollInterval());
				pause(current.pollInterval());
				return;
			}
			this.watched = mailbox;
			int known = mailbox.messageCount();
			this.read.run();
			while (this.running && current.equals(settingsNow())) {
				boolean changed = mailbox.awaitChange(known, IDLE_RENEWAL);
				// counted before reading, so a mail arriving meanwhile changes it again
				known = mailbox.messageCount();
				if (changed && this.running && current.equals(settingsNow())) {
					this.read.run();
				}
			}
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("Mailbox: waiting for new mail on {} failed ({}); trying again in {} s", current.host(),
					ex.getMessage(), RECHECK.toSeconds());
		}
		finally {
			this.watched = null;
		}
	}

	/** The settings now, or null while they cannot be read (the database is away). */
	private IntakeProperties settingsNow() {
		try {
			return this.settings.get();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Waits this long, or until the settings are saved. */
	private void pause(Duration duration) {
		long deadline = System.nanoTime() + duration.toNanos();
		synchronized (this.nudge) {
			try {
				long left;
				while (!this.nudged && this.running && (left = deadline - System.nanoTime()) > 0) {
					TimeUnit.NANOSECONDS.timedWait(this.nudge, left);
				}
			}
			catch (InterruptedException ex) {
				// stopping: the loop sees it
			}
			this.nudged = false;
		}
	}

}
