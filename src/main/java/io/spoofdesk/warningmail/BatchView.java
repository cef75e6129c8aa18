package io.spoofdesk.warningmail;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A batch of drafts generated together, approved or returned as a whole;
 * {@code leftOutAlreadyWarned} are the listed addresses left out because an earlier batch
 * of the incident already warned them.
 */
public record BatchView(long id, long incidentId, String language, String fromAddress, String fromName, String status,
		String returnReason, Instant createdAt, String createdBy, Instant submittedAt, String submittedBy,
		Instant decidedAt, String decidedBy, List<DraftView> drafts, List<String> leftOutAlreadyWarned,
		Purpose purpose) {

	/** Submitted and waiting for a manager: the drafts are frozen for review. */
	public boolean awaitsApproval() {
		return BatchStatus.valueOf(this.status).awaitsApproval();
	}

	/**
	 * The drafts awaiting approval as {@code id:version,…} in id order: what a reviewer
	 * saw, named again when approving so that a change in between is refused.
	 */
	@JsonProperty("reviewedVersions")
	public String reviewedVersions() {
		return this.drafts.stream()
			.filter(draft -> draft.status().isEditable())
			.map(draft -> draft.id() + ":" + draft.version())
			.collect(Collectors.joining(","));
	}

	/** Whether some drafts are approved and not yet queued or sent. */
	public boolean hasApproved() {
		return this.drafts.stream().anyMatch(draft -> draft.status() == DraftStatus.APPROVED);
	}

	/** How many drafts are in each status. */
	public Map<DraftStatus, Long> counts() {
		return this.drafts.stream()
			.collect(Collectors.groupingBy(DraftView::status, () -> new EnumMap<>(DraftStatus.class),
					Collectors.counting()));
	}

}
