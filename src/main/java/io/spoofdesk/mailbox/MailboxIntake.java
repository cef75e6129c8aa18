package io.spoofdesk.mailbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Reads the reporting mailbox: takes the folder's lease (one instance at a time), files
 * every mail after the last UID filed, then marks it seen, or moves it to the quarantine
 * folder, and sends the acknowledgement, each only after its filing has committed. A
 * restart in the middle repeats nothing (the UID is recorded with the filing) and loses
 * nothing (what was not committed is read again). Read on a schedule, and at once when
 * {@link MailboxWatcher} hears of a new mail through IMAP IDLE.
 */
@Service
public class MailboxIntake {

	/** How long a lease lasts without being renewed: longer than one mail's filing. */
	static final Duration LEASE = Duration.ofMinutes(2);

	/** The most mails fetched whole in one command. */
	static final int CHUNK_MAILS = 25;

	/** The most bytes fetched in one command (a single larger mail is fetched alone). */
	static final long CHUNK_BYTES = 16L * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(MailboxIntake.class);

	private final IntakeSettings settings;

	private final IntakeState state;

	private final MailboxFiler filer;

	private final Acknowledgements acknowledgements;

	private final String owner;

	@Autowired
	MailboxIntake(IntakeSettings settings, IntakeState state, MailboxFiler filer, Acknowledgements acknowledgements) {
		this(settings, state, filer, acknowledgements,
				ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
	}

	MailboxIntake(IntakeSettings settings, IntakeState state, MailboxFiler filer, Acknowledgements acknowledgements,
			String owner) {
		this.settings = settings;
		this.state = state;
		this.filer = filer;
		this.acknowledgements = acknowledgements;
		this.owner = owner;
	}

	/**
	 * Every ten seconds: reads the mailbox when it is on and its interval has passed
	 * since it was last read (by any instance).
	 */
	@Scheduled(fixedDelay = 10, initialDelay = 15, timeUnit = TimeUnit.SECONDS)
	void scheduled() {
		IntakeProperties current = this.settings.current();
		if (current.enabled() && current.configured() && due(current)) {
			Result result = pollOnce();
			if (result.filed() > 0) {
				log.info("Mailbox: {}", result);
			}
		}
	}

	private boolean due(IntakeProperties current) {
		Instant last = this.state.lastPolledAt(current.folder());
		return last == null || !last.plus(current.pollInterval()).isAfter(Instant.now());
	}

	/** Reads the mailbox once (up to the batch size); what it filed, by outcome. */
	public Result pollOnce() {
		IntakeProperties current = this.settings.current();
		if (!current.configured()) {
			return Result.NOT_CONFIGURED;
		}
		String folder = current.folder();
		if (!this.state.lease(folder, this.owner, LEASE)) {
			return Result.BUSY;
		}
		Map<IntakeState.Outcome, Integer> counts = new EnumMap<>(IntakeState.Outcome.class);
		String error = null;
		try (ImapMailbox mailbox = ImapMailbox.open(current)) {
			long uidValidity = mailbox.uidValidity();
			long maxBytes = current.maxMailSize().toBytes();
			List<ImapMailbox.Pending> pending = mailbox.after(this.state.lastUid(folder, uidValidity),
					current.batchSize());
			for (List<ImapMailbox.Pending> chunk : chunks(pending, maxBytes)) {
				mailbox.prefetch(chunk, maxBytes);
				List<ImapMailbox.Pending> seen = new ArrayList<>();
				List<ImapMailbox.Pending> setAside = new ArrayList<>();
				List<Acknowledgements.Planned> acknowledgements = new ArrayList<>();
				try {
					if (!this.state.lease(folder, this.owner, LEASE)) {
						return new Result(true, false, counts, "lease lost");
					}
					List<MailboxFiler.Prepared> prepared = new ArrayList<>();
					for (ImapMailbox.Pending mail : chunk) {
						prepared.add(this.filer.prepare(mailbox.raw(mail, maxBytes), mail.size()));
					}
					for (int i = 0; i < chunk.size(); i++) {
						ImapMailbox.Pending mail = chunk.get(i);
						MailboxFiler.Filed filed = this.filer.file(folder, uidValidity, mail.uid(), prepared.get(i));
						if (filed.outcome() == null) {
							continue;
						}
						counts.merge(filed.outcome(), 1, Integer::sum);
						// each only after its filing has committed
						if (filed.outcome() == IntakeState.Outcome.QUARANTINED) {
							setAside.add(mail);
						}
						else {
							seen.add(mail);
						}
						if (filed.acknowledgement() != null) {
							acknowledgements.add(filed.acknowledgement());
						}
					}
				}
				finally {
					mailbox.markSeen(seen);
					mailbox.quarantine(setAside);
					acknowledgements.forEach(this.acknowledgements::send);
				}
			}
		}
		catch (MessagingException | RuntimeException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			log.warn("Mailbox: reading {} failed: {}", current.host(), error);
		}
		finally {
			this.state.release(folder, this.owner, error);
		}
		return new Result(true, false, counts, error);
	}

	/**
	 * The batch in pieces of at most {@value #CHUNK_MAILS} mails and
	 * {@value #CHUNK_BYTES} bytes, each fetched whole in one command.
	 */
	private static List<List<ImapMailbox.Pending>> chunks(List<ImapMailbox.Pending> pending, long maxBytes) {
		List<List<ImapMailbox.Pending>> chunks = new ArrayList<>();
		List<ImapMailbox.Pending> chunk = new ArrayList<>();
		long bytes = 0;
		for (ImapMailbox.Pending mail : pending) {
			long size = (mail.size() <= maxBytes) ? mail.size() : 0;
			if (!chunk.isEmpty() && (chunk.size() == CHUNK_MAILS || bytes + size > CHUNK_BYTES)) {
				chunks.add(chunk);
				chunk = new ArrayList<>();
				bytes = 0;
			}
			chunk.add(mail);
			bytes += size;
		}
		if (!chunk.isEmpty()) {
			chunks.add(chunk);
		}
		return chunks;
	}

	/** One reading: whether it ran, and how many mails went which way. */
	public record Result(boolean ran, boolean busy, Map<IntakeState.Outcome, Integer> counts, String error) {

		static final Result NOT_CONFIGURED = new Result(false, false, Map.of(), null);

		static final Result BUSY = new Result(false, true, Map.of(), null);

		public int filed() {
			return this.counts.values().stream().mapToInt(Integer::intValue).sum();
		}

		public int count(String outcome) {
			return this.counts.getOrDefault(IntakeState.Outcome.valueOf(outcome), 0);
		}

	}

}
