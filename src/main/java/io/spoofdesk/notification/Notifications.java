package io.spoofdesk.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's public API. A notification names a page of SpoofDesk (a local
 * path, never another site) and a subject in the language of whatever it is about; the
 * list shows its kind in the reader's language.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public void notify(String username, NotificationKind kind, String subject, String link) {
		if (username == null || username.isBlank()) {
			return;
		}
		if (!isLocal(link)) {
			throw new IllegalArgumentException("Not a local link: " + link);
		}
		this.jdbc.sql("INSERT INTO notification (username, kind, link, subject, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(username, kind.name(), link, subject, Timestamp.from(Instant.now(this.clock)))
			.update();
	}

	@Transactional(readOnly = true)
	public int unreadCount(String username) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE username = ? AND read_at IS NULL")
			.param(username)
			.query(Integer.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<NotificationView> recent(String username, int limit) {
		return this.jdbc
			.sql("SELECT id, kind, subject, link, created_at, read_at FROM notification WHERE username = ? "
					+ "ORDER BY created_at DESC, id DESC LIMIT ?")
			.params(username, limit)
			.query((rs, n) -> new NotificationView(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
					rs.getString("subject"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("read_at") != null))
			.list();
	}

	/** Marks one of the user's notifications read and returns where it points. */
	@Transactional
	public String open(String username, long id) {
		String link = this.jdbc.sql("SELECT link FROM notification WHERE id = ? AND username = ?")
			.params(id, username)
			.query(String.class)
			.optional()
			.orElse("/notifications");
		this.jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND username = ? AND read_at IS NULL")
			.params(Timestamp.from(Instant.now(this.clock)), id, username)
			.update();
		return isLocal(link) ? link : "/notifications";
	}

	@Transactional
	public int markAllRead(String username) {
		return this.jdbc.sql("UPDATE notification SET read_at = ? WHERE username = ? AND read_at IS NULL")
			.params(Timestamp.from(Instant.now(this.clock)), username)
			.update();
	}

	static boolean isLocal(String link) {
		return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
				&& link.chars().noneMatch(Character::isISOControl);
	}

}
