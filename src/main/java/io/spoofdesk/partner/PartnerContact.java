package io.spoofdesk.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person at a partner: who called us, or whom we warn. */
@Entity
@Table(name = "partner_contact")
class PartnerContact {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	private String email;

	private String phone;

	private String role;

	protected PartnerContact() {
	}

	PartnerContact(String name, String email, String phone, String role) {
		update(name, email, phone, role);
	}

	Long id() {
		return this.id;
	}

	void update(String name, String email, String phone, String role) {
		this.name = name;
		this.email = email;
		this.phone = phone;
		this.role = role;
	}

	PartnerView.Contact toView() {
		return new PartnerView.Contact(this.id, this.name, this.email, this.phone, this.role);
	}

}
