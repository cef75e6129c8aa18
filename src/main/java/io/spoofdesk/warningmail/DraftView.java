package io.spoofdesk.warningmail;

import java.time.Instant;
import java.util.List;

import io.spoofdesk.shared.Versioned;

/** A warning draft as pages and the API read it. */
public record DraftView(long id, long batchId, long incidentId, Long partnerId, String recipientLabel, String toAddress,
		String toName, List<String> ccAddresses, String subject, String body, DraftStatus status, int attempts,
		Instant nextAttemptAt, String lastError, String approvedBy, Instant approvedAt, String sentBy, Instant sentAt,
		Instant updatedAt, String updatedBy, long version, Instant answeredAt) implements Versioned {

}
