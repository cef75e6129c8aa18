package io.spoofdesk.warningmail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Permissions;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.InvalidRequestException;
import io.spoofdesk.shared.OptimisticLock;
import io.spoofdesk.shared.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.MapBindingResult;

/**
 * A single draft's status, from editing to delivery: edit, mark sent, cancel, and the
 * sending transitions {@link DraftSender} asks for (lease, retry, finish, reap); with
 * {@link BatchReview} (submit, approve, return, queue) the only writers of draft and
 * batch status. Every change is made only from the status it was read in, and audited on
 * the incident.
 */
@Service
public class DraftWorkflow {

	private final JdbcClient jdbc;

	private final WarningQueries queries;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DraftWorkflow(JdbcClient jdbc, WarningQueries queries, AuditLog auditLog, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** Changes a draft's text or recipients while it is still a draft (or returned). */
	@Transactional
	public DraftView edit(long incidentId, long draftId, String toAddress, List<String> cc, String subject, String body,
			Long expectedVersion) {
		Permissions.check(Permission.DRAFT_WARNINGS);
		DraftView draft = this.queries.draft(incidentId, draftId);
		if (!draft.status().isEditable()) {
			throw new ConflictException("warning.draft.notEditable");
		}
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "draft");
		String to = (toAddress != null) ? toAddress.strip().toLowerCase(Locale.ROOT) : "";
		List<String> ccList = (cc != null) ? cc.stream()
			.map(address -> address.strip().toLowerCase(Locale.ROOT))
			.filter(address -> !address.isEmpty())
			.distinct()
			.toList() : List.of();
		if (!RecipientList.isSingleAddress(to)) {
			errors.rejectValue("toAddress", "warning.address.invalid");
		}
		if (!ccList.stream().allMatch(RecipientList::isSingleAddress)) {
			errors.rejectValue("ccAddresses", "warning.address.invalid");
		}
		if (subject == null || subject.isBlank() || subject.contains("\n") || subject.contains("\r")
				|| subject.length() > 500) {
			errors.rejectValue("subject", "template.subject.singleLine");
		}
		if (body == null || body.isBlank() || body.length() > 50_000) {
			errors.rejectValue("body", "template.body.required");
		}
		if (errors.hasErrors()) {
			throw new InvalidRequestException(errors);
		}
		// a submitted batch is frozen for review: it is withdrawn first, then edited,
		// submitted and approved again (the batch row locked first, the lock order of
		// approve)
		String batchStatus = this.jdbc
			.sql("SELECT status FROM warning_batch WHERE id = ? AND incident_id = ? FOR UPDATE")
			.params(draft.batchId(), incidentId)
			.query(String.class)
			.single();
		if (BatchStatus.valueOf(batchStatus).awaitsApproval()) {
			throw new ConflictException("warning.draft.awaitingApproval");
		}
		int updated = this.jdbc.sql("""
				UPDATE warning_draft SET to_address = ?, cc_addresses = ?, subject = ?, body = ?, updated_at = ?,
				       updated_by = ?, version = version + 1
				WHERE id = ? AND version = ? AND warning_draft_is_editable(status)""")
			.params(to, ccList.toArray(String[]::new), subject.strip(), body, Timestamp.from(Instant.now(this.clock)),
					CurrentUser.username(), draftId, (expectedVersion != null) ? expectedVersion : draft.version())
			.update();
		OptimisticLock.updated(updated, () -> this.queries.draft(incidentId, draftId));
		this.auditLog.record(AuditEntry.change("WARNING_EDITED", Incidents.TARGET, incidentId, "draft " + draftId,
				draft.subject(), subject.strip()));
		return this.queries.draft(incidentId, draftId);
	}

	/** Records that a draft went out outside SpoofDesk (from the .eml or copied text). */
	@Transactional
	public DraftView markSent(long incidentId, long draftId) {
		Permissions.check(Permission.APPROVE_WARNINGS);
		DraftView draft = this.queries.draft(incidentId, draftId);
		if (!draft.status().mayBeMarkedSent()) {
			throw new ConflictException("warning.draft.notMarkable");
		}
		setStatus(incidentId, draft, DraftStatus.MARKED_SENT, true);
		return this.queries.draft(incidentId, draftId);
	}

	/** Cancels a draft that will not be sent, saying why. */
	@Transactional
	public DraftView cancel(long incidentId, long draftId, String reason) {
		Permissions.check(Permission.DRAFT_WARNINGS);
		DraftView draft = this.queries.draft(incidentId, draftId);
		String why = Texts.blankToNull(reason);
		if (why == null || why.length() > 2000) {
			MapBindingResult errors = new MapBindingResult(new HashMap<>(), "draft");
			errors.rejectValue("reason", "warning.draft.cancelReasonRequired");
			throw new InvalidRequestException(errors);
		}
		if (draft.status().isWarned() || draft.status() == DraftStatus.SENDING
				|| draft.status() == DraftStatus.CANCELLED) {
			throw new ConflictException("warning.draft.notCancellable");
		}
		this.jdbc.sql("UPDATE warning_draft SET cancel_reason = ? WHERE id = ?").params(why.strip(), draftId).update();
		setStatus(incidentId, draft, DraftStatus.CANCELLED, false);
		this.auditLog.record(AuditEntry.change("WARNING_CANCELLED", Incidents.TARGET, incidentId, "draft " + draftId,
				null, draft.toAddress() + " (" + why.strip() + ")"));
		checkAllWarned(incidentId);
		return this.queries.draft(incidentId, draftId);
	}

	/**
	 * After a draft ended as sent: when no draft of the incident is left unwarned, the
	 * partners have all been warned.
	 */
	void checkAllWarned(long incidentId) {
		// only batches made from an address list count: a thank-you to the reporter alone
		// does not warn the partners
		Map<String, Object> counts = this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE %s) AS warned, count(*) FILTER (WHERE %s) AS open
				FROM warning_draft d JOIN warning_batch b ON b.id = d.batch_id AND b.from_address_list
				     AND b.purpose = 'PARTNER_WARNING'
				WHERE d.incident_id = ?""".formatted(WarningQueries.WARNED, WarningQueries.TO_SEND))
			.param(incidentId)
			.query()
			.singleRow();
		long warned = ((Number) counts.get("warned")).longValue();
		long open = ((Number) counts.get("open")).longValue();
		if (warned > 0 && open == 0) {
			this.events.publishEvent(new PartnersWarned(incidentId, (int) warned));
		}
		Map<String, Object> staff = this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE %s) AS sent, count(*) FILTER (WHERE %s) AS open
				FROM warning_draft d JOIN warning_batch b ON b.id = d.batch_id AND b.purpose = 'STAFF_NOTICE'
				WHERE d.incident_id = ?""".formatted(WarningQueries.WARNED, WarningQueries.TO_SEND))
			.param(incidentId)
			.query()
			.singleRow();
		long staffSent = ((Number) staff.get("sent")).longValue();
		if (staffSent > 0 && ((Number) staff.get("open")).longValue() == 0) {
			this.events.publishEvent(new StaffWarned(incidentId, (int) staffSent));
		}
	}

	private void setStatus(long incidentId, DraftView draft, DraftStatus to, boolean sent) {
		Instant now = Instant.now(this.clock);
		int updated = this.jdbc.sql("""
				UPDATE warning_draft SET status = ?, sent_by = CASE WHEN ? THEN ? ELSE sent_by END,
				       sent_at = CASE WHEN ? THEN ? ELSE sent_at END, updated_at = ?, updated_by = ?,
				       version = version + 1
				WHERE id = ? AND status = ?""")
			.params(to.name(), sent, CurrentUser.username(), sent, Timestamp.from(now), Timestamp.from(now),
					CurrentUser.username(), draft.id(), draft.status().name())
			.update();
		OptimisticLock.updated(updated, () -> this.queries.draft(incidentId, draft.id()));
		this.auditLog.record(AuditEntry.change("WARNING_STATUS", Incidents.TARGET, incidentId, "draft " + draft.id(),
				draft.status(), to + " " + draft.toAddress()));
		if (sent) {
			checkAllWarned(incidentId);
		}
	}

	/**
	 * Leases up to {@code limit} queued drafts that are due for sending (SENDING until
	 * {@code leaseFor} from now); another instance skips the ones leased here.
	 */
	@Transactional
	List<DraftView> leaseDue(int limit, Duration leaseFor) {
		Instant now = Instant.now(this.clock);
		return new ArrayList<>(this.jdbc.sql("""
				UPDATE warning_draft SET status = 'SENDING', lease_until = ?, attempts = attempts + 1,
				       version = version + 1
				WHERE id IN (SELECT id FROM warning_draft WHERE status = 'QUEUED' AND next_attempt_at <= ?
				             ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING *""")
			.params(Timestamp.from(now.plus(leaseFor)), Timestamp.from(now), limit)
			.query((rs, n) -> WarningQueries.draft(rs))
			.list());
	}

	/** A send that reached no server, or was refused for now: queued again for later. */
	void retryLater(DraftView draft, Instant next, String error) {
		this.jdbc.sql("""
				UPDATE warning_draft SET status = 'QUEUED', next_attempt_at = ?, lease_until = NULL, last_error = ?,
				       version = version + 1
				WHERE id = ? AND status = 'SENDING'""").params(Timestamp.from(next), error, draft.id()).update();
	}

	/**
	 * A send that ended: SENT (with the Message-ID), FAILED or UNKNOWN (with the error).
	 * After a SENT, the incident's partners may all have been warned.
	 */
	void finishSending(DraftView draft, DraftStatus status, String messageId, String error) {
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				UPDATE warning_draft SET status = ?, message_id = ?, last_error = ?, lease_until = NULL,
				       sent_at = CASE WHEN ? = 'SENT' THEN ? ELSE sent_at END, updated_at = ?, updated_by = 'system',
				       version = version + 1
				WHERE id = ? AND status = 'SENDING'""")
			.params(status.name(), messageId, error, status.name(), Timestamp.from(now), Timestamp.from(now),
					draft.id())
			.update();
	}

	/**
	 * Drafts whose sender disappeared mid-send (a crash, a restart): UNKNOWN, not resent.
	 */
	int reapLostLeases() {
		return this.jdbc.sql("""
				UPDATE warning_draft SET status = 'UNKNOWN', lease_until = NULL,
				       last_error = 'interrupted while sending: check the mailbox before sending again',
				       version = version + 1
				WHERE status = 'SENDING' AND lease_until < ?""")
			.param(Timestamp.from(Instant.now(this.clock)))
			.update();
	}

}
