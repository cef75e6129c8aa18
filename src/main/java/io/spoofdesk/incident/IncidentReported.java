package io.spoofdesk.incident;

import java.util.Map;

/**
 * Published when a new incident is opened, inside its transaction (checklists start from
 * it), with what was chosen on the new-incident form ({@link IncidentStartOption}).
 */
public record IncidentReported(long incidentId, String reference, Map<String, String> startOptions) {

}
