package io.spoofdesk.checklist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An incident's active checklist with its steps, the evidence and ledger rows of those
 * steps, the progress overall and per phase, and when a leak of personal data was
 * recognised (null until recorded).
 */
public record ChecklistView(long id, long incidentId, String name, String language, long playbookVersionId,
		Instant startedAt, String startedBy, List<StepView> steps, List<EvidenceFile> evidence,
		List<CredentialChange> ledger, Progress overall, List<PhaseProgress> phases, Instant leakRecognisedAt) {

	static ChecklistView of(Checklist checklist, List<StepView> steps, List<EvidenceFile> evidence,
			List<CredentialChange> ledger) {
		List<PhaseProgress> phases = new ArrayList<>();
		for (Phase phase : Phase.values()) {
			List<StepView> inPhase = steps.stream().filter(step -> step.phase() == phase).toList();
			if (!inPhase.isEmpty()) {
				phases.add(new PhaseProgress(phase, Progress.of(inPhase)));
			}
		}
		return new ChecklistView(checklist.id(), checklist.incidentId(), checklist.name(), checklist.language(),
				checklist.playbookVersionId(), checklist.startedAt(), checklist.startedBy(), steps, evidence, ledger,
				Progress.of(steps), phases, checklist.leakRecognisedAt());
	}

	public List<EvidenceFile> evidenceOf(long stepId) {
		return this.evidence.stream().filter(file -> file.stepId() == stepId).toList();
	}

	public List<CredentialChange> ledgerOf(long stepId) {
		return this.ledger.stream().filter(row -> row.stepId() == stepId).toList();
	}

	/** Steps done or skipped out of all steps. */
	public record Progress(int finished, int total) {

		static Progress of(List<StepView> steps) {
			return new Progress((int) steps.stream().filter(step -> step.status().isFinished()).count(), steps.size());
		}

		public int percent() {
			return (this.total == 0) ? 100 : (int) Math.floor(100.0 * this.finished / this.total);
		}

	}

	public record PhaseProgress(Phase phase, Progress progress) {

	}

}
