package io.spoofdesk.checklist;

import io.spoofdesk.identity.Role;

/** One step row of the playbook form ({@link PlaybookForm}). */
public class StepForm {

	Integer position;

	Phase phase = Phase.IDENTIFY;

	String kind;

	String titleJa;

	String titleEn;

	String guidanceJa;

	String guidanceEn;

	Role defaultRole = Role.STAFF;

	Integer dueHours = 24;

	boolean required = true;

	boolean evidenceRequired;

	boolean remove;

	public Integer getPosition() {
		return this.position;
	}

	public void setPosition(Integer position) {
		this.position = position;
	}

	public Phase getPhase() {
		return this.phase;
	}

	public void setPhase(Phase phase) {
		this.phase = phase;
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getTitleJa() {
		return this.titleJa;
	}

	public void setTitleJa(String titleJa) {
		this.titleJa = titleJa;
	}

	public String getTitleEn() {
		return this.titleEn;
	}

	public void setTitleEn(String titleEn) {
		this.titleEn = titleEn;
	}

	public String getGuidanceJa() {
		return this.guidanceJa;
	}

	public void setGuidanceJa(String guidanceJa) {
		this.guidanceJa = guidanceJa;
	}

	public String getGuidanceEn() {
		return this.guidanceEn;
	}

	public void setGuidanceEn(String guidanceEn) {
		this.guidanceEn = guidanceEn;
	}

	public Role getDefaultRole() {
		return this.defaultRole;
	}

	public void setDefaultRole(Role defaultRole) {
		this.defaultRole = defaultRole;
	}

	public Integer getDueHours() {
		return this.dueHours;
	}

	public void setDueHours(Integer dueHours) {
		this.dueHours = dueHours;
	}

	public boolean isRequired() {
		return this.required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public boolean isEvidenceRequired() {
		return this.evidenceRequired;
	}

	public void setEvidenceRequired(boolean evidenceRequired) {
		this.evidenceRequired = evidenceRequired;
	}

	public boolean isRemove() {
		return this.remove;
	}

	public void setRemove(boolean remove) {
		this.remove = remove;
	}

}
