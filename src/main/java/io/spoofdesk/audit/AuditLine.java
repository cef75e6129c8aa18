package io.spoofdesk.audit;

import java.time.Instant;

/** A line of the audit log as pages and other modules read it. */
public record AuditLine(long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
		String field, String oldValue, String newValue, String remoteAddress) {

}
