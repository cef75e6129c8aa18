package io.spoofdesk.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.spoofdesk.shared.Versioned;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A spoofed-mail case: who reported what, how bad it is, where it stands. */
@Entity
@Table(name = "incident")
class Incident implements Versioned {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String reference;

	@Column(nullable = false)
	private String title;

	@Column(name = "partner_id")
	private Long partnerId;

	@Column(name = "contact_id")
	private Long contactId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Channel channel;

	@Column(name = "reported_at", nullable = false)
	private Instant reportedAt;

	@Column(name = "mail_received_at")
	private Instant mailReceivedAt;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "impersonated_addresses", nullable = false, columnDefinition = "text[]")
	private List<String> impersonatedAddresses = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "impersonated_names", nullable = false, columnDefinition = "text[]")
	private List<String> impersonatedNames = new ArrayList<>();

	private String summary;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Severity severity;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private IncidentStatus status;

	private String assignee;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Column(name = "search_text", nullable = false)
	private String searchText = "";

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "search_grams", nullable = false, columnDefinition = "text[]")
	private List<String> searchGrams = new ArrayList<>();

	@Version
	private long version;

	protected Incident() {
	}

	Incident(String reference, IncidentDetails details, Instant now, String by) {
		this.reference = reference;
		this.status = IncidentStatus.NEW;
		this.createdAt = now;
		this.createdBy = by;
		describe(details, now, by);
	}

	void describe(IncidentDetails details, Instant now, String by) {
		this.title = details.title();
		this.partnerId = details.partnerId();
		this.contactId = details.contactId();
		this.channel = details.channel();
		this.reportedAt = details.reportedAt();
		this.mailReceivedAt = details.mailReceivedAt();
		this.impersonatedAddresses = new ArrayList<>(details.impersonatedAddresses());
		this.impersonatedNames = new ArrayList<>(details.impersonatedNames());
		this.summary = details.summary();
		this.severity = details.severity();
		this.assignee = details.assignee();
		touched(now, by);
	}

	void changeStatus(IncidentStatus status, Instant now, String by) {
		this.status = status;
		touched(now, by);
	}

	void assign(String assignee, Instant now, String by) {
		this.assignee = assignee;
		touched(now, by);
	}

	void index(SearchText text) {
		this.searchText = text.text();
		this.searchGrams = new ArrayList<>(text.grams());
	}

	void touched(Instant now, String by) {
		this.updatedAt = now;
		this.updatedBy = by;
	}

	Long id() {
		return this.id;
	}

	String reference() {
		return this.reference;
	}

	IncidentStatus status() {
		return this.status;
	}

	@Override
	public long version() {
		return this.version;
	}

	@Override
	public Instant updatedAt() {
		return this.updatedAt;
	}

	@Override
	public String updatedBy() {
		return this.updatedBy;
	}

	IncidentDetails details() {
		return new IncidentDetails(this.title, this.partnerId, this.contactId, this.channel, this.reportedAt,
				this.mailReceivedAt, List.copyOf(this.impersonatedAddresses), this.summary, this.severity,
				this.assignee, List.copyOf(this.impersonatedNames));
	}

	IncidentView toView() {
		return new IncidentView(this.id, this.reference, this.title, this.partnerId, this.contactId, this.channel,
				this.severity, this.status, this.assignee, this.summary, List.copyOf(this.impersonatedAddresses),
				this.mailReceivedAt, this.reportedAt, this.version, this.createdAt, this.createdBy, this.updatedAt,
				this.updatedBy, List.copyOf(this.impersonatedNames));
	}

}
