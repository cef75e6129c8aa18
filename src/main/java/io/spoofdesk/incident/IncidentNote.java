package io.spoofdesk.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A comment on the incident's timeline. */
@Entity
@Table(name = "incident_note")
class IncidentNote {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "incident_id", nullable = false)
	private Long incidentId;

	@Column(nullable = false)
	private String author;

	@Column(nullable = false)
	private String body;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected IncidentNote() {
	}

	IncidentNote(Long incidentId, String author, String body, Instant createdAt) {
		this.incidentId = incidentId;
		this.author = author;
		this.body = body;
		this.createdAt = createdAt;
	}

	String body() {
		return this.body;
	}

	NoteView toView() {
		return new NoteView(this.id, this.author, this.body, this.createdAt);
	}

	/** A note as pages and the API show it. */
	record NoteView(Long id, String author, String body, Instant createdAt) {

	}

}
