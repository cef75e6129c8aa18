package io.spoofdesk.warningmail;

import java.util.Set;

/**
 * Where a batch of warning drafts stands in review: drafted (or returned with a reason),
 * submitted to the managers, approved. {@link BatchReview} moves it.
 */
public enum BatchStatus {

	DRAFT, SUBMITTED, APPROVED, RETURNED;

	/** The states the helpdesk submits from. */
	static final Set<BatchStatus> SUBMITTABLE = Set.of(DRAFT, RETURNED);

	/**
	 * Waiting for a manager: its drafts are frozen until it is approved, returned or
	 * withdrawn.
	 */
	public boolean awaitsApproval() {
		return this == SUBMITTED;
	}

}
