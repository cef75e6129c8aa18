package io.spoofdesk.incident;

/** Published after an incident's status changed. */
public record IncidentStatusChanged(long incidentId, IncidentStatus from, IncidentStatus to) {

}
