package io.spoofdesk.warningmail;

/**
 * Published when every draft of an incident that was not cancelled has been sent or
 * marked sent: the checklist's NOTIFY_PARTNERS step follows it.
 */
public record PartnersWarned(long incidentId, int warned) {

}
