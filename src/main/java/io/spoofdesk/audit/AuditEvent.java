package io.spoofdesk.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One line of the append-only audit log. */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(nullable = false)
	private String actor;

	@Column(nullable = false)
	private String action;

	@Column(name = "target_type")
	private String targetType;

	@Column(name = "target_id")
	private String targetId;

	private String field;

	@Column(name = "old_value")
	private String oldValue;

	@Column(name = "new_value")
	private String newValue;

	@Column(name = "remote_address")
	private String remoteAddress;

	protected AuditEvent() {
	}

	AuditEvent(Instant occurredAt, String actor, AuditEntry entry, String remoteAddress) {
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.action = entry.action();
		this.targetType = entry.targetType();
		this.targetId = entry.targetId();
		this.field = entry.field();
		this.oldValue = entry.oldValue();
		this.newValue = entry.newValue();
		this.remoteAddress = remoteAddress;
	}

}
