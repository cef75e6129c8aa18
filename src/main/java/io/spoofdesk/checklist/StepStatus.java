package io.spoofdesk.checklist;

/** Where a checklist step stands. */
public enum StepStatus {

	TODO, IN_PROGRESS, DONE, SKIPPED, BLOCKED;

	/** Still someone's work: in task lists, reminded, counted as overdue. */
	public boolean isOpen() {
		return this == TODO || this == IN_PROGRESS || this == BLOCKED;
	}

	/** Done or skipped: what the closing rule and the progress bars count. */
	public boolean isFinished() {
		return this == DONE || this == SKIPPED;
	}

	/** Skipping and blocking must say why. */
	public boolean needsReason() {
		return this == SKIPPED || this == BLOCKED;
	}

}
