package io.spoofdesk.checklist;

import java.time.Instant;

/** An open step in a task list, with the incident it belongs to. */
public record TaskLine(long stepId, long incidentId, String reference, String incidentTitle, String title,
		StepStatus status, boolean required, String assignee, String defaultRole, Instant dueAt, boolean overdue) {

}
