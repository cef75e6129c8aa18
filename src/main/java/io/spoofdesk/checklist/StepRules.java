package io.spoofdesk.checklist;

import java.util.HashMap;
import java.util.Set;

import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Role;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.InvalidRequestException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.MapBindingResult;

/**
 * Who may do what to a step, and what a step needs before it can end (DESIGN.md's role
 * table and the checklist rules). Pure: the service passes in what it read.
 */
final class StepRules {

	private StepRules() {
	}

	/** Helpdesk, staff and managers work on steps; an admin alone does not. */
	static boolean isWorker(Set<Role> roles) {
		return Permission.WORK_ON_STEPS.allows(roles);
	}

	/** Whoever assigns cases assigns steps to others and sets due times. */
	static boolean canPlan(Set<Role> roles) {
		return Permission.MOVE_CASES.allows(roles);
	}

	/** Own or unassigned steps; a manager may work on anyone's. */
	static boolean canWork(String assignee, String user, Set<Role> roles) {
		if (!isWorker(roles)) {
			return false;
		}
		return assignee == null || assignee.equalsIgnoreCase(user) || Permission.DECIDE_CASES.allows(roles);
	}

	static void checkCanWork(ChecklistStep step, String user, Set<Role> roles) {
		if (!canWork(step.assignee(), user, roles)) {
			throw new AccessDeniedException("Step " + step.id() + " belongs to " + step.assignee());
		}
	}

	/**
	 * Only a manager skips a required step; anyone who works a step skips an optional
	 * one.
	 */
	static boolean maySkip(boolean required, Set<Role> roles) {
		return !required || Permission.DECIDE_CASES.allows(roles);
	}

	/**
	 * Whether a step may move to {@code to}: a reason for skipping or blocking, a manager
	 * for skipping a required step, evidence and a complete credential ledger for
	 * finishing.
	 */
	static void checkStatusChange(ChecklistStep step, StepStatus to, String reason, Set<Role> roles, int evidenceCount,
			LedgerState ledger) {
		if (to.needsReason() && (reason == null || reason.isBlank())) {
			throw fieldError("reason", "checklist.step.reasonRequired");
		}
		if (to == StepStatus.SKIPPED && !maySkip(step.required(), roles)) {
			throw new AccessDeniedException("Only a manager skips a required step");
		}
		if (to == StepStatus.DONE && step.evidenceRequired() && evidenceCount == 0) {
			throw new ConflictException("checklist.step.evidenceMissing");
		}
		if (to == StepStatus.DONE && StepKinds.ROTATE_PASSWORDS.equals(step.kind()) && !ledger.complete()) {
			throw new ConflictException(
					(ledger.accounts() == 0) ? "checklist.ledger.empty" : "checklist.ledger.unconfirmed");
		}
	}

	/** A 400 answer naming the field and the message. */
	static InvalidRequestException fieldError(String field, String messageKey) {
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "step");
		errors.rejectValue(field, messageKey);
		return new InvalidRequestException(errors);
	}

	/** How far the credential ledger of a step is. */
	record LedgerState(int accounts, int confirmed) {

		boolean complete() {
			return this.accounts > 0 && this.confirmed == this.accounts;
		}

	}

}
