package io.spoofdesk.checklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Role;
import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.identity.UserView;
import io.spoofdesk.incident.IncidentPanel;
import io.spoofdesk.incident.IncidentView;

import org.springframework.stereotype.Component;

/** The checklist on the incident page: progress, steps to tick, swap and add a step. */
@Component
class ChecklistPanel implements IncidentPanel {

	private final Checklists checklists;

	private final Playbooks playbooks;

	private final UserAccounts users;

	ChecklistPanel(Checklists checklists, Playbooks playbooks, UserAccounts users) {
		this.checklists = checklists;
		this.playbooks = playbooks;
		this.users = users;
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
		data.put("checklist", this.checklists.of(incident.id()).orElse(null));
		data.put("ctx", context(incident.id(), incident.status().isOpen()));
		data.put("phases", Phase.values());
		data.put("playbooks", this.playbooks.all().stream().filter(PlaybookSummary::active).toList());
		return data;
	}

	/** What the step rows need to know about the reader. */
	StepContext context(long incidentId, boolean incidentOpen) {
		Set<Role> roles = CurrentUser.roles();
		return new StepContext(incidentId, CurrentUser.username(), roles, incidentOpen, StepRules.canPlan(roles),
				roles.contains(Role.MANAGER), roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN),
				StepRules.canPlan(roles) ? this.users.assignable().stream().map(UserView::username).toList()
						: List.of());
	}

	/** The reader, as the step rows and the step page see them. */
	record StepContext(long incidentId, String user, Set<Role> roles, boolean incidentOpen, boolean canPlan,
			boolean manager, boolean canDownload, List<String> assignable) {

		public boolean canWork(StepView step) {
			return this.incidentOpen && StepRules.canWork(step.assignee(), this.user, this.roles);
		}

		public boolean canWorkOnChecklist() {
			return this.incidentOpen && StepRules.isWorker(this.roles);
		}

		/** The statuses the reader may pick for a step. */
		public List<StepStatus> statusesFor(StepView step) {
			return java.util.Arrays.stream(StepStatus.values())
				.filter(status -> status != StepStatus.SKIPPED || !step.required() || this.manager)
				.toList();
		}

		public boolean mayTake(StepView step) {
			return canWork(step) && step.assignee() == null;
		}

	}

}
