package io.spoofdesk.checklist;

import java.time.Instant;

/** An evidence file of a step as lists show it (never its content). */
public record EvidenceFile(long id, long stepId, String fileName, String contentType, long size, String sha256,
		String uploadedBy, Instant uploadedAt) {

}
