package io.spoofdesk.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Role;
import io.spoofdesk.shared.ConflictException;

import org.springframework.security.access.AccessDeniedException;

/**
 * Decides whether a status change is allowed, and whether it needs a reason: forward
 * along the table of DESIGN.md, back to the previous state of an open case, or reopening
 * a closed one. Helpdesk and managers move cases up to RECOVERED; only managers close,
 * reopen or mark a false positive.
 */
record StatusTransition(IncidentStatus from, IncidentStatus to, Kind kind) {

	enum Kind {

		FORWARD, BACK, REOPEN

	}

	static StatusTransition of(IncidentStatus from, IncidentStatus to, IncidentStatus previous) {
		if (from.forward().contains(to)) {
			return new StatusTransition(from, to, Kind.FORWARD);
		}
		if (from.isOpen() && previous != null && to == previous) {
			return new StatusTransition(from, to, Kind.BACK);
		}
		if (!from.isOpen() && to == IncidentStatus.TRIAGED) {
			return new StatusTransition(from, to, Kind.REOPEN);
		}
		throw new ConflictException("incident.status.illegal");
	}

	/** The changes the given roles may make from a state, for the case page's buttons. */
	static List<StatusTransition> optionsFrom(IncidentStatus from, IncidentStatus previous, Set<Role> roles) {
		List<StatusTransition> options = new ArrayList<>();
		for (IncidentStatus to : IncidentStatus.values()) {
			try {
				StatusTransition transition = of(from, to, previous);
				transition.checkAllowedFor(roles);
				options.add(transition);
			}
			catch (ConflictException | AccessDeniedException ex) {
				// not offered
			}
		}
		return options;
	}

	boolean needsReason() {
		return this.kind != Kind.FORWARD || this.to == IncidentStatus.FALSE_POSITIVE;
	}

	boolean managersOnly() {
		return this.kind == Kind.REOPEN || this.to == IncidentStatus.CLOSED || this.to == IncidentStatus.FALSE_POSITIVE;
	}

	void checkAllowedFor(Set<Role> roles) {
		boolean allowed = (managersOnly() ? Permission.DECIDE_CASES : Permission.MOVE_CASES).allows(roles);
		if (!allowed) {
			throw new AccessDeniedException("Status change " + this.from + " -> " + this.to + " not allowed");
		}
	}

}
