package io.spoofdesk.incident;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands (DESIGN.md, flow 1). */
public enum IncidentStatus {

	NEW, TRIAGED, CONTAINED, RECOVERED, CLOSED, FALSE_POSITIVE;

	public boolean isOpen() {
		return this != CLOSED && this != FALSE_POSITIVE;
	}

	/**
	 * The states reachable forward from this one (not counting going back or reopening).
	 */
	Set<IncidentStatus> forward() {
		return switch (this) {
			case NEW -> EnumSet.of(TRIAGED, FALSE_POSITIVE);
			case TRIAGED -> EnumSet.of(CONTAINED, RECOVERED, FALSE_POSITIVE);
			case CONTAINED -> EnumSet.of(RECOVERED);
			case RECOVERED -> EnumSet.of(CLOSED);
			case CLOSED, FALSE_POSITIVE -> EnumSet.noneOf(IncidentStatus.class);
		};
	}

}
