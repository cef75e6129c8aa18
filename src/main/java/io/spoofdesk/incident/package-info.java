/**
 * Incidents: the report (who called, about whom, which of our identities were abused),
 * its status with the allowed transitions and their reasons, notes, related cases, the
 * list with search and filters, and its CSV. Exposes {@code Incidents} and
 * {@code IncidentView}; it publishes {@code IncidentReported} and
 * {@code IncidentStatusChanged} for the modules that follow a case.
 */
package io.spoofdesk.incident;
