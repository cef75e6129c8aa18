package io.spoofdesk.checklist;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.spoofdesk.identity.Role;
import io.spoofdesk.shared.Versioned;

/**
 * One step of an incident's checklist: a copy of a playbook step (or an ad-hoc one), with
 * who works on it, by when, how it ended and why. The version catches two people editing
 * the same step at once.
 */
@Entity
@Table(name = "checklist_step")
class ChecklistStep implements Versioned {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "checklist_id", nullable = false, updatable = false)
	private long checklistId;

	@Column(name = "incident_id", nullable = false, updatable = false)
	private long incidentId;

	@Column(nullable = false)
	private int position;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Phase phase;

	private String kind;

	@Column(nullable = false)
	private String title;

	private String guidance;

	@Enumerated(EnumType.STRING)
	@Column(name = "default_role", nullable = false)
	private Role defaultRole;

	@Column(nullable = false)
	private boolean required;

	@Column(name = "evidence_required", nullable = false)
	private boolean evidenceRequired;

	@Column(name = "ad_hoc", nullable = false)
	private boolean adHoc;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private StepStatus status = StepStatus.TODO;

	private String reason;

	@Column(name = "result_note")
	private String resultNote;

	private String assignee;

	@Column(name = "due_at")
	private Instant dueAt;

	@Column(name = "completed_by")
	private String completedBy;

	@Column(name = "completed_at")
	private Instant completedAt;

	@Column(nullable = false)
	private boolean dormant;

	@Column(name = "due_soon_notified", nullable = false)
	private boolean dueSoonNotified;

	@Column(name = "overdue_notified", nullable = false)
	private boolean overdueNotified;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Version
	private long version;

	protected ChecklistStep() {
	}

	ChecklistStep(long checklistId, long incidentId, int position, Phase phase, String kind, String title,
			String guidance, Role defaultRole, boolean required, boolean evidenceRequired, boolean adHoc, Instant dueAt,
			Instant now, String actor) {
		this.checklistId = checklistId;
		this.incidentId = incidentId;
		this.position = position;
		this.phase = phase;
		this.kind = kind;
		this.title = title;
		this.guidance = guidance;
		this.defaultRole = defaultRole;
		this.required = required;
		this.evidenceRequired = evidenceRequired;
		this.adHoc = adHoc;
		this.dueAt = dueAt;
		this.updatedAt = now;
		this.updatedBy = actor;
	}

	/** Sets the outcome; finishing records who and when, reopening clears it. */
	void changeStatus(StepStatus to, String why, Instant now, String actor) {
		this.status = to;
		this.reason = to.needsReason() ? why : null;
		if (to.isFinished()) {
			this.completedBy = actor;
			this.completedAt = now;
		}
		else {
			this.completedBy = null;
			this.completedAt = null;
		}
		touched(now, actor);
	}

	/** Takes over the outcome of the same kind of step from a swapped-out checklist. */
	void carryOver(ChecklistStep done) {
		this.status = done.status;
		this.reason = done.reason;
		this.resultNote = done.resultNote;
		this.assignee = done.assignee;
		this.completedBy = done.completedBy;
		this.completedAt = done.completedAt;
	}

	void note(String note, Instant now, String actor) {
		this.resultNote = note;
		touched(now, actor);
	}

	void assign(String assignee, Instant now, String actor) {
		this.assignee = assignee;
		touched(now, actor);
	}

	void reschedule(Instant dueAt, Instant now, String actor) {
		this.dueAt = dueAt;
		this.dueSoonNotified = false;
		this.overdueNotified = false;
		touched(now, actor);
	}

	/** Whether the step belongs to a checklist that another playbook's replaced. */
	boolean dormant() {
		return this.dormant;
	}

	void makeDormant(boolean dormant) {
		this.dormant = dormant;
	}

	private void touched(Instant now, String actor) {
		this.updatedAt = now;
		this.updatedBy = actor;
	}

	boolean isOverdue(Instant now) {
		return this.status.isOpen() && this.dueAt != null && this.dueAt.isBefore(now);
	}

	StepView toView(Instant now) {
		return new StepView((this.id != null) ? this.id : 0, this.incidentId, this.position, this.phase, this.kind,
				this.title, this.guidance, this.defaultRole, this.required, this.evidenceRequired, this.adHoc,
				this.status, this.reason, this.resultNote, this.assignee, this.dueAt, isOverdue(now), this.completedBy,
				this.completedAt, this.updatedAt, this.updatedBy, this.version);
	}

	Long id() {
		return this.id;
	}

	long incidentId() {
		return this.incidentId;
	}

	long checklistId() {
		return this.checklistId;
	}

	String kind() {
		return this.kind;
	}

	String title() {
		return this.title;
	}

	StepStatus status() {
		return this.status;
	}

	String assignee() {
		return this.assignee;
	}

	Instant dueAt() {
		return this.dueAt;
	}

	String reason() {
		return this.reason;
	}

	String resultNote() {
		return this.resultNote;
	}

	boolean required() {
		return this.required;
	}

	boolean evidenceRequired() {
		return this.evidenceRequired;
	}

	@Override
	public String updatedBy() {
		return this.updatedBy;
	}

	@Override
	public Instant updatedAt() {
		return this.updatedAt;
	}

	@Override
	public long version() {
		return this.version;
	}

	int position() {
		return this.position;
	}

}
