package io.spoofdesk.checklist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.spoofdesk.notification.NotificationKind;
import io.spoofdesk.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells assignees when a step is due soon and when it is overdue, once each. The flag is
 * set and read back in one UPDATE, so several instances never notify twice.
 */
@Component
class StepReminders {

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final ChecklistProperties properties;

	private final Clock clock;

	StepReminders(JdbcClient jdbc, Notifications notifications, ChecklistProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${spoofdesk.checklist.reminder-interval:PT5M}", initialDelayString = "PT1M")
	@Transactional
	public int remind() {
		Instant now = Instant.now(this.clock);
		int sent = notify(NotificationKind.OVERDUE, """
				UPDATE checklist_step s SET overdue_notified = true, due_soon_notified = true
				FROM incident i
				WHERE i.id = s.incident_id AND %s
				  AND s.assignee IS NOT NULL AND NOT s.overdue_notified AND s.due_at <= ?
				RETURNING s.id, s.incident_id, s.assignee, s.title, i.reference""".formatted(Tasks.OPEN),
				Timestamp.from(now), null);
		sent += notify(NotificationKind.DUE_SOON, """
				UPDATE checklist_step s SET due_soon_notified = true
				FROM incident i
				WHERE i.id = s.incident_id AND %s
				  AND s.assignee IS NOT NULL AND NOT s.due_soon_notified AND s.due_at > ? AND s.due_at <= ?
				RETURNING s.id, s.incident_id, s.assignee, s.title, i.reference""".formatted(Tasks.OPEN),
				Timestamp.from(now), Timestamp.from(now.plus(this.properties.dueSoon())));
		return sent;
	}

	private int notify(NotificationKind kind, String sql, Timestamp first, Timestamp second) {
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
	}

}
