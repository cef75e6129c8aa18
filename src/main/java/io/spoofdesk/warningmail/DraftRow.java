package io.spoofdesk.warningmail;

import java.time.Instant;

/**
 * One warning mail in the list across incidents: to whom, for which incident, in which
 * state, and when it last changed (sent, approved, queued...).
 */
public record DraftRow(long id, long incidentId, String incidentReference, String incidentTitle, long batchId,
		String recipientLabel, String toAddress, DraftStatus status, Instant at) {

}
