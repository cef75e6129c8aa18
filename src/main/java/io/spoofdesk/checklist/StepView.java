package io.spoofdesk.checklist;

import java.time.Instant;

import io.spoofdesk.identity.Role;

/** A checklist step as pages, the API and other modules read it. */
public record StepView(long id, long incidentId, int position, Phase phase, String kind, String title, String guidance,
		Role defaultRole, boolean required, boolean evidenceRequired, boolean adHoc, StepStatus status, String reason,
		String resultNote, String assignee, Instant dueAt, boolean overdue, String completedBy, Instant completedAt,
		Instant updatedAt, String updatedBy, long version) {

}
