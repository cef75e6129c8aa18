package io.spoofdesk.checklist;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Role;
import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.identity.UserView;
import io.spoofdesk.incident.IncidentPanel;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.suspiciousmail.SuspiciousMails;

import org.springframework.stereotype.Component;

/** The checklist on the incident page: progress, steps to tick, swap and add a step. */
@Component
class ChecklistPanel implements IncidentPanel {

	private final Checklists checklists;

	private final Playbooks playbooks;

	private final UserAccounts users;

	private final SuspiciousMails mails;

	private final EvidenceStore evidence;

	ChecklistPanel(Checklists checklists, Playbooks playbooks, UserAccounts users, SuspiciousMails mails,
			EvidenceStore evidence) {
		this.evidence = evidence;
		this.checklists = checklists;
		this.playbooks = playbooks;
		this.users = users;
		this.mails = mails;
	}

	@Override
	public String template() {
		return "checklist/panel";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Map<String, Object> data(IncidentView incident) {
		Map<String, Object> data = new HashMap<>();
		data.put("incidentId", incident.id());
		ChecklistView checklist = this.checklists.of(incident.id()).orElse(null);
		List<PlaybookSummary> active = this.playbooks.all().stream().filter(PlaybookSummary::active).toList();
		data.put("checklist", checklist);
		// which steps have evidence: read with the checklist already, no second query
		data.put("ctx", context(incident.id(), incident.status().isOpen(), (checklist != null)
				? checklist.evidence().stream().map(EvidenceFile::stepId).collect(Collectors.toSet()) : Set.of()));
		data.put("phases", Phase.values());
		data.put("playbooks", active);
		data.put("suggestion", (checklist != null) ? suggestion(incident.id(), checklist, active) : null);
		return data;
	}

	/**
	 * The playbook the incident's mails suggest, when the checklist follows another one
	 * (offered in one click; done steps carry over by kind).
	 */
	private SuggestedPlaybook suggestion(long incidentId, ChecklistView checklist, List<PlaybookSummary> active) {
		return this.mails.strongestTriageHint(incidentId).flatMap(hint -> {
			String code = SuggestedPlaybook.codeFor(hint);
			long current = this.playbooks.playbookOfVersion(checklist.playbookVersionId());
			return active.stream()
				.filter(playbook -> playbook.code().equals(code) && playbook.id() != current)
				.findFirst()
				.map(playbook -> new SuggestedPlaybook(hint, playbook));
		}).orElse(null);
	}

	/** What the step rows need to know about the reader. */
	StepContext context(long incidentId, boolean incidentOpen) {
		return context(incidentId, incidentOpen, this.evidence.evidencedSteps(incidentId));
	}

	private StepContext context(long incidentId, boolean incidentOpen, Set<Long> evidencedSteps) {
		Set<Role> roles = CurrentUser.roles();
		return new StepContext(incidentId, CurrentUser.username(), roles, incidentOpen, StepRules.canPlan(roles),
				Permission.DECIDE_CASES.allows(roles), Permission.DOWNLOAD_ORIGINALS.allows(roles),
				StepRules.canPlan(roles) ? this.users.assignable().stream().map(UserView::username).toList()
						: List.of(),
				evidencedSteps);
	}

	/** The reader, as the step rows and the step page see them. */
	record StepContext(long incidentId, String user, Set<Role> roles, boolean incidentOpen, boolean canPlan,
			boolean manager, boolean canDownload, List<String> assignable, Set<Long> evidencedSteps) {

		/**
		 * Whether the step cannot be ticked done yet because its evidence is missing (the
		 * row links to the upload instead).
		 */
		public boolean needsEvidence(StepView step) {
			return step.evidenceRequired() && !this.evidencedSteps.contains(step.id());
		}

		/** Whether skipping is refused to this reader: a required step, not a manager. */
		public boolean skipNeedsManager(StepView step) {
			return !StepRules.maySkip(step.required(), this.roles);
		}

		public boolean canWork(StepView step) {
			return this.incidentOpen && StepRules.canWork(step.assignee(), this.user, this.roles);
		}

		public boolean canWorkOnChecklist() {
			return this.incidentOpen && StepRules.isWorker(this.roles);
		}

		/** The statuses the reader may pick for a step. */
		public List<StepStatus> statusesFor(StepView step) {
			return Arrays.stream(StepStatus.values())
				.filter(status -> status != StepStatus.SKIPPED || !skipNeedsManager(step))
				.toList();
		}

		public boolean mayTake(StepView step) {
			return canWork(step) && step.assignee() == null;
		}

	}

}
