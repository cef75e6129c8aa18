package io.spoofdesk.partner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The partner page's form: domains one per line, contacts as rows (blank rows are
 * ignored, so the page can always offer a few empty ones).
 */
class PartnerForm {

	static final int BLANK_ROWS = 3;

	private String name = "";

	private String nameKana = "";

	private String domains = "";

	private String notes = "";

	private List<ContactRow> contacts = new ArrayList<>();

	private Long version;

	static PartnerForm blank() {
		PartnerForm form = new PartnerForm();
		form.addBlankRows();
		return form;
	}

	static PartnerForm from(PartnerView partner) {
		PartnerForm form = new PartnerForm();
		form.name = partner.name();
		form.nameKana = (partner.nameKana() != null) ? partner.nameKana() : "";
		form.domains = String.join("\n", partner.domains());
		form.notes = (partner.notes() != null) ? partner.notes() : "";
		partner.contacts().forEach(contact -> form.contacts.add(ContactRow.of(contact)));
		form.version = partner.version();
		form.addBlankRows();
		return form;
	}

	/**
	 * Drops the rows left empty, so error paths like contacts[1].email match the command.
	 */
	void dropBlankRows() {
		this.contacts = new ArrayList<>(this.contacts.stream().filter(row -> !row.isBlank()).toList());
	}

	void addBlankRows() {
		for (int i = 0; i < BLANK_ROWS; i++) {
			this.contacts.add(new ContactRow());
		}
	}

	PartnerCommand toCommand() {
		List<String> domainList = Arrays.stream(this.domains.split("[\\s,]+")).filter(d -> !d.isBlank()).toList();
		return new PartnerCommand(this.name, this.nameKana, this.notes, domainList,
				this.contacts.stream()
					.map(row -> new PartnerCommand.ContactCommand(row.id, row.name, row.email, row.phone, row.role))
					.toList(),
				this.version);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getNameKana() {
		return this.nameKana;
	}

	public void setNameKana(String nameKana) {
		this.nameKana = nameKana;
	}

	public String getDomains() {
		return this.domains;
	}

	public void setDomains(String domains) {
		this.domains = (domains != null) ? domains : "";
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public List<ContactRow> getContacts() {
		return this.contacts;
	}

	public void setContacts(List<ContactRow> contacts) {
		this.contacts = contacts;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	/** One contact row of the form. */
	public static class ContactRow {

		private Long id;

		private String name = "";

		private String email = "";

		private String phone = "";

		private String role = "";

		static ContactRow of(PartnerView.Contact contact) {
			ContactRow row = new ContactRow();
			row.id = contact.id();
			row.name = contact.name();
			row.email = (contact.email() != null) ? contact.email() : "";
			row.phone = (contact.phone() != null) ? contact.phone() : "";
			row.role = (contact.role() != null) ? contact.role() : "";
			return row;
		}

		boolean isBlank() {
			return isEmpty(this.name) && isEmpty(this.email) && isEmpty(this.phone) && isEmpty(this.role);
		}

		private static boolean isEmpty(String value) {
			return value == null || value.isBlank();
		}

		public Long getId() {
			return this.id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getEmail() {
			return this.email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getPhone() {
			return this.phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public String getRole() {
			return this.role;
		}

		public void setRole(String role) {
			this.role = role;
		}

	}

}
