package io.spoofdesk.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;

import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.incident.ReferenceTag;
import io.spoofdesk.mailanalysis.MailAddresses;
import io.spoofdesk.mailanalysis.MailAnalysis;
import io.spoofdesk.mailanalysis.NotMailException;
import io.spoofdesk.partner.PartnerContacts;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.suspiciousmail.MailFiling;
import io.spoofdesk.suspiciousmail.SuspiciousMails;
import io.spoofdesk.warningmail.WarningReplies;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files one mail from the mailbox, in one transaction with the record that it was taken:
 * <ol>
 * <li>a reply about a case (to a warning or acknowledgement we sent, or tagged
 * {@code [INC-…]}) joins that case's correspondence, and a replied warning is marked
 * answered;</li>
 * <li>the same mail again (content or Message-ID) is recognised, not filed twice;</li>
 * <li>a report (a forward, or the suspicious mail itself) joins the open incident about
 * the same mail or the same impersonated address of ours within the join window, or opens
 * a new incident with its checklist; its reporter may be acknowledged.</li>
 * </ol>
 * The analysis runs before the transaction, with a time limit; a mail that is not mail,
 * too large, or too slow to analyse is quarantined with its reason.
 */
@Service
class MailboxFiler {

	private final IntakeSettings settings;

	private final IntakeState state;

	private final SuspiciousMails mails;

	private final MailFiling filing;

	private final Incidents incidents;

	private final WarningReplies replies;

	private final Correspondence correspondence;

	private final Acknowledgements acknowledgements;

	private final PartnerContacts contacts;

	private final CompanyIdentityService identities;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * Analyses the next mails while one is being filed (two cores: one waits on the
	 * database).
	 */
	private final ExecutorService analysis = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "mailbox-analysis");
		thread.setDaemon(true);
		return thread;
	});

	MailboxFiler(IntakeSettings settings, IntakeState state, SuspiciousMails mails, MailFiling filing,
			Incidents incidents, WarningReplies replies, Correspondence correspondence,
			Acknowledgements acknowledgements, PartnerContacts contacts, CompanyIdentityService identities,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.settings = settings;
		this.state = state;
		this.mails = mails;
		this.filing = filing;
		this.incidents = incidents;
		this.replies = replies;
		this.correspondence = correspondence;
		this.acknowledgements = acknowledgements;
		this.contacts = contacts;
		this.identities = identities;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@PreDestroy
	void stop() {
		this.analysis.shutdownNow();
	}

	/**
	 * Starts on a mail of the folder before its turn: reads its headers and hands it to
	 * the analysis; {@code raw} is null when the mail was over the size limit.
	 */
	Prepared prepare(byte[] raw, long size) {
		if (raw == null) {
			return new Prepared(null, null, null, "too large: " + size + " bytes");
		}
		try {
			MailHeaders headers = MailHeaders.of(raw);
			return new Prepared(raw, headers, this.analysis.submit(() -> this.mails.analyse(raw)), null);
		}
		catch (MessagingException | RuntimeException ex) {
			return new Prepared(raw, null, null, "unreadable headers: " + ex.getMessage());
		}
	}

	/** Files a mail at once (prepared and filed in one go). */
	Filed file(String folder, long uidValidity, long uid, byte[] raw, long size) {
		return file(folder, uidValidity, uid, prepare(raw, size));
	}

	/**
	 * Files the prepared mail {@code uid} of the folder. Answers what became of it, and
	 * the acknowledgement to send once the transaction has committed (if any).
	 */
	Filed file(String folder, long uidValidity, long uid, Prepared prepared) {
		MailHeaders headers = prepared.headers();
		if (prepared.quarantineReason() != null) {
			return quarantine(folder, uidValidity, uid, headers, prepared.quarantineReason());
		}
		byte[] raw = prepared.raw();
		MailAnalysis analysed;
		try {
			analysed = analysed(prepared.analysis());
		}
		catch (NotMailException ex) {
			return quarantine(folder, uidValidity, uid, headers, ex.reason().en());
		}
		catch (TimeoutException ex) {
			return quarantine(folder, uidValidity, uid, headers,
					"analysis took longer than " + this.settings.current().analysisTimeout().toSeconds() + " s");
		}
		catch (ExecutionException ex) {
			return quarantine(folder, uidValidity, uid, headers, "could not be analysed: " + ex.getCause());
		}
		Filed filed = this.transactions.execute(status -> {
			if (!this.state.claim(folder, uidValidity, uid)) {
				return Filed.ALREADY;
			}
			Filed outcome = fileInTransaction(raw, headers, analysed);
			this.state.record(folder, uidValidity, uid, new IntakeState.Taken(headers.messageId(), analysed.sha256(),
					headers.from(), headers.subject(), outcome.outcome(), outcome.reason(), outcome.incidentId()));
			return outcome;
		});
		return (filed != null) ? filed : Filed.ALREADY;
	}

	private Filed fileInTransaction(byte[] raw, MailHeaders headers, MailAnalysis analysed) {
		Instant now = this.clock.instant();
		// 1. about a case we wrote about
		Optional<WarningReplies.AnsweredDraft> answered = this.replies.markAnswered(headers.referenced(), now);
		Optional<Long> replyTo = answered.map(WarningReplies.AnsweredDraft::incidentId);
		String why = "REPLY_TO_WARNING";
		if (replyTo.isEmpty()) {
			replyTo = this.correspondence.incidentOfSent(headers.referenced());
			why = "REPLY_TO_ACKNOWLEDGEMENT";
		}
		if (replyTo.isEmpty()) {
			replyTo = ReferenceTag.in(headers.subject()).flatMap(this.incidents::findByReference).map(IncidentView::id);
			why = "TAGGED";
		}
		if (replyTo.isPresent()) {
			this.filing.keepEvidence(analysed.sha256(), raw);
			this.correspondence.replied(replyTo.get(), headers, analysed, why, now);
			return new Filed(IntakeState.Outcome.CORRESPONDENCE, replyTo.get(), why, null);
		}
		// 2. the same mail again
		Optional<IntakeState.Repeated> repeated = this.state.filedBefore(analysed.sha256(), headers.messageId());
		if (repeated.isPresent()) {
			return new Filed(IntakeState.Outcome.REPEATED, repeated.get().incidentId(), "SAME_MAIL_AGAIN", null);
		}
		// 3. a report
		String reporter = (analysed.forwardedBy() != null && analysed.forwardedBy().address() != null)
				? analysed.forwardedBy().address().toLowerCase(Locale.ROOT) : headers.from();
		Optional<PartnerContacts.Contact> contact = this.contacts.byEmail(reporter);
		Instant since = now.minus(this.settings.current().joinWindow());
		Optional<IncidentView> joined = this.filing.incidentsWithMessageId(analysed.messageId(), since)
			.stream()
			.map(this.incidents::get)
			.filter(incident -> incident.status().isOpen())
			.findFirst();
		String note = "SAME_MAIL";
		String impersonated = impersonatedAddress(analysed);
		if (joined.isEmpty() && impersonated != null) {
			joined = this.incidents.openNaming(impersonated, since);
			note = "SAME_ADDRESS";
		}
		long incidentId;
		IntakeState.Outcome outcome;
		if (joined.isPresent()) {
			incidentId = joined.get().id();
			this.filing.attach(incidentId, raw, analysed);
			outcome = IntakeState.Outcome.JOINED;
		}
		else {
			Locale before = LocaleContextHolder.getLocale();
			LocaleContextHolder.setLocale(Locale.forLanguageTag(this.settings.current().language()));
			try {
				incidentId = this.filing
					.openIncident(raw, analysed, contact.map(PartnerContacts.Contact::partnerId).orElse(null),
							contact.map(PartnerContacts.Contact::contactId).orElse(null))
					.id();
			}
			finally {
				LocaleContextHolder.setLocale(before);
			}
			outcome = IntakeState.Outcome.NEW_INCIDENT;
			note = "NEW";
		}
		this.correspondence.reported(incidentId, headers, note, now);
		Acknowledgements.Planned ack = this.acknowledgements.plan(incidentId, reporter, headers, contact, now)
			.orElse(null);
		return new Filed(outcome, incidentId, note, ack);
	}

	/** Our address shown as the sender of the suspicious mail: what was impersonated. */
	private String impersonatedAddress(MailAnalysis analysed) {
		if (analysed.from() == null || analysed.from().address() == null) {
			return null;
		}
		String address = analysed.from().address().toLowerCase(Locale.ROOT);
		String domain = MailAddresses.domainOf(address);
		return (domain != null && this.identities.current().isOurDomain(domain)) ? address : null;
	}

	private MailAnalysis analysed(Future<MailAnalysis> running) throws TimeoutException, ExecutionException {
		try {
			return running.get(this.settings.current().analysisTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running.cancel(true);
			throw new TimeoutException("interrupted");
		}
		catch (TimeoutException ex) {
			running.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof NotMailException notMail) {
				throw notMail;
			}
			throw ex;
		}
	}

	private Filed quarantine(String folder, long uidValidity, long uid, MailHeaders headers, String reason) {
		Filed filed = this.transactions.execute(status -> {
			if (!this.state.claim(folder, uidValidity, uid)) {
				return Filed.ALREADY;
			}
			this.state.record(folder, uidValidity, uid,
					new IntakeState.Taken((headers != null) ? headers.messageId() : null, "-",
							(headers != null) ? headers.from() : null, (headers != null) ? headers.subject() : null,
							IntakeState.Outcome.QUARANTINED, reason, null));
			return new Filed(IntakeState.Outcome.QUARANTINED, null, reason, null);
		});
		return (filed != null) ? filed : Filed.ALREADY;
	}

	/**
	 * A mail started on: its bytes, headers and running analysis, or why it is set aside
	 * without one.
	 */
	record Prepared(byte[] raw, MailHeaders headers, Future<MailAnalysis> analysis, String quarantineReason) {

	}

	/**
	 * What became of a mail; {@code outcome} is null when another reader had filed it.
	 */
	record Filed(IntakeState.Outcome outcome, Long incidentId, String reason,
			Acknowledgements.Planned acknowledgement) {

		static final Filed ALREADY = new Filed(null, null, null, null);

	}

}
