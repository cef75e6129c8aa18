package io.spoofdesk.warningmail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Permissions;
import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.identity.UserView;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.notification.NotificationKind;
import io.spoofdesk.notification.Notifications;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.MapBindingResult;

/**
 * A batch's way through review: the helpdesk submits it (the managers are told) or
 * withdraws it to edit again; a manager approves exactly the versions they saw, or
 * returns it with a reason; approved drafts go on the sending queue. Approving, returning
 * and queueing move the batch's drafts with it; everything else that happens to a single
 * draft is {@link DraftWorkflow}'s. Every change is made only from the state it was read
 * in, and audited on the incident.
 */
@Service
public class BatchReview {

	private final JdbcClient jdbc;

	private final WarningQueries queries;

	private final Incidents incidents;

	private final UserAccounts users;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final Clock clock;

	BatchReview(JdbcClient jdbc, WarningQueries queries, Incidents incidents, UserAccounts users,
			Notifications notifications, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.incidents = incidents;
		this.users = users;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Takes a batch waiting for approval back to draft, so its drafts can be edited; it
	 * is then submitted (and approved) again.
	 */
	@Transactional
	public BatchView withdraw(long incidentId, long batchId) {
		Permissions.check(Permission.DRAFT_WARNINGS);
		this.queries.batch(incidentId, batchId);
		int withdrawn = this.jdbc
			.sql("UPDATE warning_batch SET status = ? WHERE id = ? AND incident_id = ? AND status = ?")
			.params(BatchStatus.DRAFT.name(), batchId, incidentId, BatchStatus.SUBMITTED.name())
			.update();
		if (withdrawn == 0) {
			throw new ConflictException("warning.batch.wrongState");
		}
		this.auditLog.record(AuditEntry.change("WARNING_UNSUBMITTED", Incidents.TARGET, incidentId, "warningBatch",
				BatchStatus.SUBMITTED, batchId + ": " + BatchStatus.DRAFT));
		return this.queries.batch(incidentId, batchId);
	}

	/** Hands a batch to the managers for approval, and tells them. */
	@Transactional
	public BatchView submit(long incidentId, long batchId) {
		Permissions.check(Permission.DRAFT_WARNINGS);
		BatchView batch = this.queries.batch(incidentId, batchId);
		moveBatch(batchId, BatchStatus.SUBMITTABLE, BatchStatus.SUBMITTED, "submitted", null);
		IncidentView incident = this.incidents.get(incidentId);
		for (UserView manager : this.users.assignable()) {
			if (Permission.APPROVE_WARNINGS.allows(manager.roles())
					&& !manager.username().equals(CurrentUser.username())) {
				this.notifications.notify(manager.username(), NotificationKind.APPROVAL_WAITING,
						incident.reference() + " · " + batch.drafts().size(),
						"/incidents/" + incidentId + "/warnings/" + batchId);
			}
		}
		this.auditLog.record(AuditEntry.change("WARNING_SUBMITTED", Incidents.TARGET, incidentId, "warningBatch", null,
				Long.toString(batchId)));
		return this.queries.batch(incidentId, batchId);
	}

	/**
	 * Approves a submitted batch: its drafts may now be sent. {@code reviewedVersions} is
	 * what the manager saw ({@link BatchView#reviewedVersions()}); if any draft changed
	 * since, nothing is approved (409), so what is sent is what was reviewed.
	 */
	@Transactional
	public BatchView approve(long incidentId, long batchId, String reviewedVersions) {
		Permissions.check(Permission.APPROVE_WARNINGS);
		this.queries.batch(incidentId, batchId);
		if (reviewedVersions == null) {
			MapBindingResult errors = new MapBindingResult(new HashMap<>(), "batch");
			errors.rejectValue("reviewedVersions", "warning.batch.reviewedVersionsRequired");
			throw new InvalidRequestException(errors);
		}
		moveBatch(batchId, Set.of(BatchStatus.SUBMITTED), BatchStatus.APPROVED, "decided", null);
		String current = this.jdbc.sql("""
				SELECT coalesce(string_agg(id || ':' || version, ',' ORDER BY id), '') FROM warning_draft
				WHERE batch_id = ? AND warning_draft_is_editable(status)""")
			.param(batchId)
			.query(String.class)
			.single();
		if (!current.equals(reviewedVersions.strip())) {
			throw new ConflictException("warning.batch.changedSinceReview");
		}
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				UPDATE warning_draft SET status = 'APPROVED', approved_by = ?, approved_at = ?, updated_at = ?,
				       updated_by = ?, version = version + 1
				WHERE batch_id = ? AND warning_draft_is_editable(status)""")
			.params(CurrentUser.username(), Timestamp.from(now), Timestamp.from(now), CurrentUser.username(), batchId)
			.update();
		this.auditLog.record(AuditEntry.change("WARNING_APPROVED", Incidents.TARGET, incidentId, "warningBatch", null,
				batchId + " (" + current + ")"));
		return this.queries.batch(incidentId, batchId);
	}

	/** Sends a submitted batch back to the helpdesk with a reason. */
	@Transactional
	public BatchView sendBack(long incidentId, long batchId, String reason) {
		Permissions.check(Permission.APPROVE_WARNINGS);
		if (reason == null || reason.isBlank()) {
			MapBindingResult errors = new MapBindingResult(new HashMap<>(), "batch");
			errors.rejectValue("reason", "warning.return.reasonRequired");
			throw new InvalidRequestException(errors);
		}
		moveBatch(batchId, Set.of(BatchStatus.SUBMITTED), BatchStatus.RETURNED, "decided", reason.strip());
		this.jdbc
			.sql("UPDATE warning_draft SET status = 'RETURNED', version = version + 1 "
					+ "WHERE batch_id = ? AND status = 'DRAFT'")
			.param(batchId)
			.update();
		this.auditLog.record(AuditEntry.change("WARNING_RETURNED", Incidents.TARGET, incidentId, "warningBatch", null,
				batchId + " (" + reason.strip() + ")"));
		return this.queries.batch(incidentId, batchId);
	}

	/** Puts the approved drafts of a batch on the sending queue (at most once each). */
	@Transactional
	public int queue(long incidentId, long batchId) {
		Permissions.check(Permission.APPROVE_WARNINGS);
		this.queries.batch(incidentId, batchId);
		Instant now = Instant.now(this.clock);
		int queued = this.jdbc.sql("""
				UPDATE warning_draft SET status = 'QUEUED', next_attempt_at = ?, sent_by = ?, updated_at = ?,
				       updated_by = ?, version = version + 1
				WHERE batch_id = ? AND incident_id = ? AND status = 'APPROVED'""")
			.params(Timestamp.from(now), CurrentUser.username(), Timestamp.from(now), CurrentUser.username(), batchId,
					incidentId)
			.update();
		this.auditLog.record(AuditEntry.change("WARNING_QUEUED", Incidents.TARGET, incidentId, "warningBatch", null,
				batchId + ": " + queued));
		return queued;
	}

	private void moveBatch(long batchId, Set<BatchStatus> from, BatchStatus to, String who, String reason) {
		Instant now = Instant.now(this.clock);
		int updated = this.jdbc
			.sql("UPDATE warning_batch SET status = :to, return_reason = :reason, " + who + "_at = :now, " + who
					+ "_by = :user WHERE id = :id AND status IN (:from)")
			.param("to", to.name())
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("user", CurrentUser.username())
			.param("id", batchId)
			.param("from", from.stream().map(BatchStatus::name).toList())
			.update();
		if (updated == 0) {
			throw new ConflictException("warning.batch.wrongState");
		}
	}

}
