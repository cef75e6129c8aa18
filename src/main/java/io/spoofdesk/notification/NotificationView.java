package io.spoofdesk.notification;

import java.time.Instant;

/** One notification in the list: what, about what, where to go. */
public record NotificationView(long id, NotificationKind kind, String subject, String link, Instant createdAt,
		boolean read) {

}
