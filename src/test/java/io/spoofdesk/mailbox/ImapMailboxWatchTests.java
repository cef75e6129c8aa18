package io.spoofdesk.mailbox;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import io.spoofdesk.support.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One watching connection to a real IMAP server (GreenMail): a mail that arrives while
 * the connection is not yet in IDLE, so that nothing has told it, still ends the wait at
 * once. The watcher's connection is busy between two waits (the mailbox is being read on
 * another one), and a mail arriving then must not wait for the IDLE to be renewed.
 */
class ImapMailboxWatchTests {

	static final int IMAP_PORT = FreePort.any();

	static final String INTAKE = "security@kitamura-seiki.co.jp";

	/** Far longer than any test waits: a wait that ends has ended because of the mail. */
	static final Duration NEVER = Duration.ofMinutes(10);

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(IMAP_PORT, "127.0.0.1", "imap"));

	@Test
	void aMailThatArrivedBeforeTheWaitBeganEndsItAtOnce() throws Exception {
		GreenMailUser inbox = mail.setUser(INTAKE, INTAKE, "intake-secret");
		try (ImapMailbox watching = ImapMailbox.watch(settings())) {
			int known = watching.messageCount();

			// arrives while the connection is between two waits: nothing has told it yet
			IntakeMail.deliver(inbox,
					IntakeMail.emotet("<early@spoofed-sender.example>", "Re: invoice", "sato@aoba.co.jp"));

			CompletableFuture<Boolean> changed = CompletableFuture.supplyAsync(() -> awaitChange(watching, known));
			assertThat(changed.get(15, TimeUnit.SECONDS)).as("the wait saw the new mail").isTrue();
		}
	}

	@Test
	void aMailArrivingDuringTheWaitEndsIt() throws Exception {
		GreenMailUser inbox = mail.setUser(INTAKE, INTAKE, "intake-secret");
		try (ImapMailbox watching = ImapMailbox.watch(settings())) {
			int known = watching.messageCount();
			CompletableFuture<Boolean> changed = CompletableFuture.supplyAsync(() -> awaitChange(watching, known));
			GreenMailIdle.awaitListening(mail, inbox);

			IntakeMail.deliver(inbox,
					IntakeMail.emotet("<later@spoofed-sender.example>", "Re: invoice", "sato@aoba.co.jp"));

			assertThat(changed.get(15, TimeUnit.SECONDS)).as("the wait saw the new mail").isTrue();
		}
	}

	@Test
	void aWakeEndsAWaitWithNothingNew() throws Exception {
		GreenMailUser inbox = mail.setUser(INTAKE, INTAKE, "intake-secret");
		try (ImapMailbox watching = ImapMailbox.watch(settings())) {
			int known = watching.messageCount();
			CompletableFuture<Boolean> changed = CompletableFuture.supplyAsync(() -> awaitChange(watching, known));
			GreenMailIdle.awaitListening(mail, inbox);

			watching.wake();

			assertThat(changed.get(15, TimeUnit.SECONDS)).as("nothing arrived").isFalse();
		}
	}

	@Test
	void savedSettingsEndTheWaitOnTheOldMailboxAtOnce() throws Exception {
		String other = "report@kitamura-seiki.co.jp";
		GreenMailUser before = mail.setUser(INTAKE, INTAKE, "intake-secret");
		GreenMailUser after = mail.setUser(other, other, "intake-secret");
		AtomicReference<IntakeProperties> settings = new AtomicReference<>(settings(INTAKE));
		AtomicInteger reads = new AtomicInteger();
		MailboxWatcher watcher = new MailboxWatcher(settings::get, reads::incrementAndGet);
		watcher.start();
		try {
			GreenMailIdle.awaitListening(mail, before);

			settings.set(settings(other));
			watcher.settingsChanged();

			// within seconds, not when the IDLE on the old mailbox is next renewed (10
			// min)
			GreenMailIdle.awaitListening(mail, after);
			assertThat(reads).as("each mailbox read once as its watch began").hasValue(2);
		}
		finally {
			watcher.stop();
		}
	}

	private static boolean awaitChange(ImapMailbox mailbox, int known) {
		try {
			return mailbox.awaitChange(known, NEVER);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static IntakeProperties settings() {
		return settings(INTAKE);
	}

	private static IntakeProperties settings(String user) {
		return new IntakeProperties(true, "127.0.0.1", IMAP_PORT, IntakeProperties.Security.NONE, user, "intake-secret",
				user, "INBOX", "SpoofDesk-Quarantine", Duration.ofMinutes(1), 250, true, "ja", null, null,
				DataSize.ofMegabytes(25), Duration.ofSeconds(20), Duration.ofDays(14));
	}

}
