package io.spoofdesk.warningmail;

/**
 * Published when every draft of a staff notice of an incident has been sent or marked
 * sent: the checklist's NOTIFY_STAFF step follows it.
 */
public record StaffWarned(long incidentId, int sent) {

}
