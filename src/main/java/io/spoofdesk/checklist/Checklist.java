package io.spoofdesk.checklist;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The checklist of one incident, copied from one playbook version in one language. A
 * swapped-out checklist stays, inactive, for the record.
 */
@Entity
@Table(name = "checklist")
class Checklist {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "incident_id", nullable = false, updatable = false)
	private long incidentId;

	@Column(name = "playbook_version_id", nullable = false, updatable = false)
	private long playbookVersionId;

	@Column(nullable = false, updatable = false)
	private String language;

	@Column(nullable = false, updatable = false)
	private String name;

	@Column(nullable = false)
	private boolean active = true;

	@Column(name = "started_at", nullable = false, updatable = false)
	private Instant startedAt;

	@Column(name = "started_by", nullable = false, updatable = false)
	private String startedBy;

	@Column(name = "replaced_at")
	private Instant replacedAt;

	@Column(name = "replaced_by")
	private String replacedBy;

	/** When the leak of personal data was recognised: the PPC deadlines count from it. */
	@Column(name = "leak_recognised_at")
	private Instant leakRecognisedAt;

	protected Checklist() {
	}

	Checklist(long incidentId, PlaybookDefinition playbook, String language, Instant now, String actor) {
		this.incidentId = incidentId;
		this.playbookVersionId = playbook.versionId();
		this.language = language;
		this.name = playbook.name(language);
		this.startedAt = now;
		this.startedBy = actor;
	}

	void replaced(Instant now, String actor) {
		this.active = false;
		this.replacedAt = now;
		this.replacedBy = actor;
	}

	void leakRecognised(Instant at) {
		this.leakRecognisedAt = at;
	}

	Instant leakRecognisedAt() {
		return this.leakRecognisedAt;
	}

	Long id() {
		return this.id;
	}

	long incidentId() {
		return this.incidentId;
	}

	long playbookVersionId() {
		return this.playbookVersionId;
	}

	String language() {
		return this.language;
	}

	String name() {
		return this.name;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	String startedBy() {
		return this.startedBy;
	}

}
