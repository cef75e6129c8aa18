package io.spoofdesk.notification;

/** Why someone is notified. */
public enum NotificationKind {

	ASSIGNED, DUE_SOON, OVERDUE, APPROVAL_WAITING

}
