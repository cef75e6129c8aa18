package io.spoofdesk.warningmail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A batch of drafts generated together, approved or returned as a whole. */
public record BatchView(long id, long incidentId, String language, String fromAddress, String fromName, String status,
		String returnReason, Instant createdAt, String createdBy, Instant submittedAt, String submittedBy,
		Instant decidedAt, String decidedBy, List<DraftView> drafts) {

	/** Whether some drafts are approved and not yet queued or sent. */
	public boolean hasApproved() {
		return this.drafts.stream().anyMatch(draft -> draft.status() == DraftStatus.APPROVED);
	}

	/** How many drafts are in each status. */
	public Map<DraftStatus, Long> counts() {
		return this.drafts.stream()
			.collect(java.util.stream.Collectors.groupingBy(DraftView::status,
					() -> new java.util.EnumMap<>(DraftStatus.class), java.util.stream.Collectors.counting()));
	}

}
