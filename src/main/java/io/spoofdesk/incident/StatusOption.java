package io.spoofdesk.incident;

/**
 * A status change the case page offers: its target, its kind (FORWARD, BACK, REOPEN),
 * whether it asks why.
 */
public record StatusOption(IncidentStatus to, String kind, boolean needsReason) {

	static StatusOption of(StatusTransition transition) {
		return new StatusOption(transition.to(), transition.kind().name(), transition.needsReason());
	}

}
