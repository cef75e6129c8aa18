package io.spoofdesk.warningmail;

/** Where a warning draft stands, from editing to delivery. */
public enum DraftStatus {

	DRAFT, RETURNED, APPROVED, QUEUED, SENDING, SENT, FAILED, UNKNOWN, MARKED_SENT, CANCELLED;

	/** Still editable by the helpdesk. */
	public boolean isEditable() {
		return this == DRAFT || this == RETURNED;
	}

	/** The partner has been warned. */
	public boolean isWarned() {
		return this == SENT || this == MARKED_SENT;
	}

	/** Neither warned nor cancelled: the dashboard's "still to send". */
	public boolean isStillToSend() {
		return !isWarned() && this != CANCELLED;
	}

	/**
	 * Approved but not (known to be) delivered: may be marked sent by hand after going
	 * out from the .eml or copied text.
	 */
	public boolean mayBeMarkedSent() {
		return this == APPROVED || this == FAILED || this == UNKNOWN;
	}

	/** Approved content that may be downloaded, copied, queued or marked sent. */
	public boolean isApprovedContent() {
		return this == APPROVED || this == QUEUED || this == SENDING || this == SENT || this == FAILED
				|| this == UNKNOWN || this == MARKED_SENT;
	}

}
