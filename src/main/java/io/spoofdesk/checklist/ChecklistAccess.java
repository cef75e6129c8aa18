package io.spoofdesk.checklist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.OptimisticLock;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the checklist services share: a step found under its own incident (404 under
 * another), no change to a closed incident's checklist or to a replaced one, a stale
 * version refused with who changed it, the checklist as a view, and the audit line of a
 * step's change.
 */
@Component
class ChecklistAccess {

	private final ChecklistStepRepository steps;

	private final Incidents incidents;

	private final EvidenceStore evidence;

	private final CredentialLedger ledger;

	private final AuditLog auditLog;

	private final Clock clock;

	ChecklistAccess(ChecklistStepRepository steps, Incidents incidents, EvidenceStore evidence, CredentialLedger ledger,
			AuditLog auditLog, Clock clock) {
		this.steps = steps;
		this.incidents = incidents;
		this.evidence = evidence;
		this.ledger = ledger;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	IncidentView openIncident(long incidentId) {
		IncidentView incident = this.incidents.get(incidentId);
		if (!incident.status().isOpen()) {
			throw new ConflictException("checklist.incidentClosed");
		}
		return incident;
	}

	ChecklistStep find(long incidentId, long stepId) {
		return this.steps.findInIncident(stepId, incidentId).orElseThrow(() -> new NotFoundException("Step", stepId));
	}

	/**
	 * A step to change: not one of a replaced checklist, whose changes no page would show
	 * (a second tab still open on the old checklist would lose its work silently).
	 */
	ChecklistStep findWritable(long incidentId, long stepId) {
		ChecklistStep step = find(incidentId, stepId);
		if (step.dormant()) {
			throw new ConflictException("checklist.step.replaced");
		}
		return step;
	}

	ChecklistStep findExpecting(long incidentId, long stepId, Long expectedVersion) {
		ChecklistStep step = findWritable(incidentId, stepId);
		OptimisticLock.expect(expectedVersion, step);
		return step;
	}

	ChecklistView view(Checklist checklist) {
		Instant now = now();
		List<StepView> stepViews = this.steps.findByChecklist(checklist.id())
			.stream()
			.map(step -> step.toView(now))
			.toList();
		List<Long> ids = stepViews.stream().map(StepView::id).toList();
		return ChecklistView.of(checklist, stepViews, this.evidence.ofSteps(ids), this.ledger.ofSteps(ids));
	}

	void audit(long incidentId, ChecklistStep step, String action, String field, Object before, Object after) {
		this.auditLog.record(AuditEntry.change(action, Incidents.TARGET, incidentId,
				"step " + step.position() + " " + step.title() + ": " + field, before, after));
	}

	static void requirePlanner() {
		if (!StepRules.canPlan(CurrentUser.roles())) {
			throw new AccessDeniedException("Only helpdesk and managers plan checklists");
		}
	}

	Instant now() {
		return Instant.now(this.clock);
	}

}
