package io.spoofdesk.incident;

/** Published when a new incident is opened (checklists start from it). */
public record IncidentReported(long incidentId, String reference) {

}
