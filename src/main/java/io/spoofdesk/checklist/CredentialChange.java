package io.spoofdesk.checklist;

import java.time.Instant;

/**
 * One account in the credential ledger of a password-rotation step, and whether its
 * password was changed from a clean device (by whom, when).
 */
public record CredentialChange(long id, long stepId, CredentialKind kind, String account, boolean cleanDevice,
		String changedBy, Instant changedAt, String addedBy, Instant addedAt) {

}
