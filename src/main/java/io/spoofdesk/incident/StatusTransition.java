package io.spoofdesk.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
		return find(from, to, previous).orElseThrow(() -> new ConflictException("incident.status.illegal"));
	}

	private static Optional<StatusTransition> find(IncidentStatus from, IncidentStatus to, IncidentStatus previous) {
		if (from.forward().contains(to)) {
			return Optional.of(new StatusTransition(from, to, Kind.FORWARD));
		}
		if (from.isOpen() && previous != null && to == previous) {
			return Optional.of(new StatusTransition(from, to, Kind.BACK));
		}
		if (!from.isOpen() && to == IncidentStatus.TRIAGED) {
			return Optional.of(new StatusTransition(from, to, Kind.REOPEN));
		}
		return Optional.empty();
	}

	/**
	 * The changes the given roles may make from a state, for the case page's buttons
	 * (asked on every view: decided without throwing).
	 */
	static List<StatusTransition> optionsFrom(IncidentStatus from, IncidentStatus previous, Set<Role> roles) {
		List<StatusTransition> options = new ArrayList<>();
		for (IncidentStatus to : IncidentStatus.values()) {
			find(from, to, previous).filter(transition -> transition.allowedFor(roles)).ifPresent(options::add);
		}
		return options;
	}

	boolean needsReason() {
		return this.kind != Kind.FORWARD || this.to == IncidentStatus.FALSE_POSITIVE;
	}

	boolean managersOnly() {
		return this.kind == Kind.REOPEN || this.to == IncidentStatus.CLOSED || this.to == IncidentStatus.FALSE_POSITIVE;
	}

	private boolean allowedFor(Set<Role> roles) {
		return (managersOnly() ? Permission.DECIDE_CASES : Permission.MOVE_CASES).allows(roles);
	}

	void checkAllowedFor(Set<Role> roles) {
		if (!allowedFor(roles)) {
			throw new AccessDeniedException("Status change " + this.from + " -> " + this.to + " not allowed");
		}
	}

}
