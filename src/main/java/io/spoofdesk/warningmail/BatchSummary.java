package io.spoofdesk.warningmail;

import java.util.Map;

/**
 * A batch as the incident page lists it: its status and how many drafts are in each
 * status, without the drafts themselves (a batch to every partner holds thousands).
 */
public record BatchSummary(long id, String status, Map<DraftStatus, Long> counts) {

	/** All the batch's drafts. */
	public long total() {
		return this.counts.values().stream().mapToLong(Long::longValue).sum();
	}

}
