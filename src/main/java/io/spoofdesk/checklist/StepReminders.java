package io.spoofdesk.checklist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.spoofdesk.notification.NotificationKind;
import io.spoofdesk.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells assignees when a step is due soon and when it is overdue, once each. The flag is
 * set and read back in one UPDATE, so several instances never notify twice; steps are
 * taken {@value #BATCH} at a time, each batch in its own short transaction, so a large
 * backlog (a restore, a long stop) never holds millions of rows locked in one statement.
 */
@Component
class StepReminders {

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final ChecklistProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	StepReminders(JdbcClient jdbc, Notifications notifications, ChecklistProperties properties,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${spoofdesk.checklist.reminder-interval:PT5M}", initialDelayString = "PT1M")
	public int remind() {
		Instant now = Instant.now(this.clock);
		int sent = 0;
		int batch;
		do {
			batch = notify(NotificationKind.OVERDUE, """
					UPDATE checklist_step s SET overdue_notified = true, due_soon_notified = true
					FROM incident i
					WHERE i.id = s.incident_id AND s.id IN (
					  SELECT s.id FROM checklist_step s
					  WHERE %s AND s.assignee IS NOT NULL AND NOT s.overdue_notified AND s.due_at <= ?
					  LIMIT %d FOR UPDATE OF s SKIP LOCKED)
					RETURNING s.id, s.incident_id, s.assignee, s.title, i.reference""".formatted(Tasks.OPEN, BATCH),
					Timestamp.from(now), null);
			sent += batch;
		}
		while (batch == BATCH);
		do {
			batch = notify(NotificationKind.DUE_SOON, """
					UPDATE checklist_step s SET due_soon_notified = true
					FROM incident i
					WHERE i.id = s.incident_id AND s.id IN (
					  SELECT s.id FROM checklist_step s
					  WHERE %s AND s.assignee IS NOT NULL AND NOT s.due_soon_notified AND s.due_at > ?
					    AND s.due_at <= ?
					  LIMIT %d FOR UPDATE OF s SKIP LOCKED)
					RETURNING s.id, s.incident_id, s.assignee, s.title, i.reference""".formatted(Tasks.OPEN, BATCH),
					Timestamp.from(now), Timestamp.from(now.plus(this.properties.dueSoon())));
			sent += batch;
		}
		while (batch == BATCH);
		return sent;
	}

	/** One batch: flags set, notifications written, committed together. */
	private int notify(NotificationKind kind, String sql, Timestamp first, Timestamp second) {
		Integer sent = this.transactions.execute((status) -> {
			var statement = this.jdbc.sql(sql).param(first);
			if (second != null) {
				statement = statement.param(second);
			}
			return statement.query((rs, n) -> {
				this.notifications.notify(rs.getString("assignee"), kind,
						rs.getString("reference") + " · " + rs.getString("title"),
						"/incidents/" + rs.getLong("incident_id") + "/checklist/steps/" + rs.getLong("id"));
				return 1;
			}).list().size();
		});
		return (sent != null) ? sent : 0;
	}

}
