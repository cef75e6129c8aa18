package io.spoofdesk.warningmail;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued drafts over SMTP. Rows are leased with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances share the queue and a draft is sent automatically at most once: a
 * server that cannot be reached, or that refuses for now (4xx), is tried again with
 * back-off; a permanent refusal (5xx) fails the draft; anything that may have happened
 * after the conversation began — and a lease that ran out while sending — leaves the
 * draft UNKNOWN for a person to check, never retried blindly.
 */
@Component
class DraftSender {

	static final int BATCH = 20;

	static final int MAX_ATTEMPTS = 8;

	static final Duration LEASE = Duration.ofMinutes(5);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final DraftMail mail;

	private final WarningQueries queries;

	private final DraftWorkflow workflow;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DraftSender(ObjectProvider<JavaMailSender> mailSender, DraftMail mail, WarningQueries queries,
			DraftWorkflow workflow, TransactionTemplate transactions, Clock clock) {
		this.mailSender = mailSender;
		this.mail = mail;
		this.queries = queries;
		this.workflow = workflow;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Whether SMTP is configured at all (the pages offer sending only then). */
	boolean available() {
		return this.mailSender.getIfAvailable() != null;
	}

	/** Sends what is due; answers how many drafts went out. */
	@Scheduled(fixedDelayString = "${spoofdesk.warning-mail.send-interval:PT10S}",
			initialDelayString = "${spoofdesk.warning-mail.send-initial-delay:PT20S}")
	public int sendDue() {
		this.workflow.reapLostLeases();
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		List<DraftView> leased = this.workflow.leaseDue(BATCH, LEASE);
		int sent = 0;
		for (DraftView draft : (leased != null) ? leased : List.<DraftView>of()) {
			sent += send(sender, draft) ? 1 : 0;
		}
		return sent;
	}

	private boolean send(JavaMailSender sender, DraftView draft) {
		MimeMessage message;
		try {
			message = EmlWriter.message(this.mail.mailOf(draft, this.queries.batchSender(draft.batchId())));
		}
		catch (IllegalArgumentException ex) {
			this.workflow.finishSending(draft, DraftStatus.FAILED, null, ex.getMessage());
			return false;
		}
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			Outcome outcome = classify(ex);
			if (outcome == Outcome.RETRY && draft.attempts() < MAX_ATTEMPTS) {
				retry(draft, ex);
			}
			else {
				this.workflow.finishSending(draft,
						(outcome == Outcome.UNKNOWN) ? DraftStatus.UNKNOWN : DraftStatus.FAILED, null, describe(ex));
			}
			return false;
		}
		String messageId;
		try {
			messageId = message.getMessageID();
		}
		catch (MessagingException ex) {
			messageId = null;
		}
		this.workflow.finishSending(draft, DraftStatus.SENT, messageId, null);
		this.transactions.executeWithoutResult(status -> this.workflow.checkAllWarned(draft.incidentId()));
		return true;
	}

	enum Outcome {

		/** The server was not reached, or refused for now: nothing was delivered. */
		RETRY,
		/** The server refused for good. */
		FAILED,
		/** The conversation may have got far enough to deliver: a person decides. */
		UNKNOWN

	}

	static Outcome classify(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		collect(failure, causes);
		for (Throwable cause : causes) {
			if (cause instanceof SMTPSendFailedException refused) {
				return (refused.getReturnCode() >= 400 && refused.getReturnCode() < 500) ? Outcome.RETRY
						: Outcome.FAILED;
			}
			if (cause instanceof SMTPAddressFailedException refused) {
				return (refused.getReturnCode() >= 400 && refused.getReturnCode() < 500) ? Outcome.RETRY
						: Outcome.FAILED;
			}
		}
		for (Throwable cause : causes) {
			if (cause instanceof MailConnectException || cause instanceof ConnectException
					|| cause instanceof UnknownHostException) {
				return Outcome.RETRY;
			}
		}
		return Outcome.UNKNOWN;
	}

	private static void collect(Throwable failure, List<Throwable> into) {
		for (Throwable cause = failure; cause != null && !into.contains(cause); cause = cause.getCause()) {
			into.add(cause);
			if (cause instanceof MailSendException send) {
				send.getFailedMessages().values().forEach(nested -> collect(nested, into));
			}
			if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
				collect(messaging.getNextException(), into);
			}
		}
	}

	private void retry(DraftView draft, Exception failure) {
		Instant next = Instant.now(this.clock).plus(Duration.ofSeconds(30L << Math.min(draft.attempts(), 8)));
		this.workflow.retryLater(draft, next, describe(failure));
	}

	private static String describe(Throwable failure) {
		String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		return (text.length() > 1000) ? text.substring(0, 1000) : text;
	}

}
