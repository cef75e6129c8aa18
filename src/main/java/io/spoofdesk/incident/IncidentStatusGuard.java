package io.spoofdesk.incident;

/**
 * A rule another module adds to status changes (the checklist: a case closes only when
 * its required steps are done or skipped), without the incident module depending on it.
 */
public interface IncidentStatusGuard {

	/**
	 * Throws a {@link io.spoofdesk.shared.ConflictException} with a message key when the
	 * change must not happen.
	 */
	void check(long incidentId, IncidentStatus from, IncidentStatus to);

}
