package io.spoofdesk.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.spoofdesk.shared.Versioned;

/** A business partner (取引先): company, mail domains, contacts, notes. */
@Entity
@Table(name = "partner")
class Partner implements Versioned {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	@Column(name = "name_kana")
	private String nameKana;

	private String notes;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "partner_domain", joinColumns = @JoinColumn(name = "partner_id"))
	@Column(name = "domain")
	private Set<String> domains = new LinkedHashSet<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "partner_id", nullable = false)
	@OrderColumn(name = "position")
	private List<PartnerContact> contacts = new ArrayList<>();

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Version
	private long version;

	protected Partner() {
	}

	Partner(Instant now, String by) {
		this.createdAt = now;
		this.updatedAt = now;
		this.updatedBy = by;
	}

	Long id() {
		return this.id;
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

	String name() {
		return this.name;
	}

	String nameKana() {
		return this.nameKana;
	}

	String notes() {
		return this.notes;
	}

	Set<String> domains() {
		return this.domains;
	}

	List<PartnerContact> contacts() {
		return this.contacts;
	}

	void describe(String name, String nameKana, String notes, Set<String> domains) {
		this.name = name;
		this.nameKana = nameKana;
		this.notes = notes;
		this.domains.clear();
		this.domains.addAll(domains);
	}

	void touched(Instant now, String by) {
		this.updatedAt = now;
		this.updatedBy = by;
	}

	PartnerView toView() {
		return new PartnerView(this.id, this.name, this.nameKana, List.copyOf(this.domains),
				this.contacts.stream().map(PartnerContact::toView).toList(), this.notes, this.version, this.updatedAt,
				this.updatedBy);
	}

}
