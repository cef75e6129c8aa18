/**
 * In-app notifications: "assigned to you", "due soon", "overdue", "waiting for your
 * approval", shown behind a bell with the unread count. Other modules call
 * {@link io.spoofdesk.notification.Notifications}.
 */
package io.spoofdesk.notification;
