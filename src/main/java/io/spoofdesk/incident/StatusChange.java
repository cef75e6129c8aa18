package io.spoofdesk.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One status change of an incident: for going back, and for time-to-triage/contain/close.
 */
@Entity
@Table(name = "incident_status_change")
class StatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "incident_id", nullable = false)
	private Long incidentId;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_status")
	private IncidentStatus fromStatus;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_status", nullable = false)
	private IncidentStatus toStatus;

	private String reason;

	@Column(name = "changed_by", nullable = false)
	private String changedBy;

	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	protected StatusChange() {
	}

	StatusChange(Long incidentId, IncidentStatus fromStatus, IncidentStatus toStatus, String reason, String changedBy,
			Instant changedAt) {
		this.incidentId = incidentId;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.reason = reason;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	IncidentStatus fromStatus() {
		return this.fromStatus;
	}

}
