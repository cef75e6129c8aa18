package io.spoofdesk.checklist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.spoofdesk.identity.Permission;

import org.springframework.validation.Errors;

/**
 * The admin form for a playbook: names and descriptions in both languages, and its steps
 * with their order, phase, texts, default role, due offset (hours) and flags. A step can
 * be removed by ticking "remove"; "add a step" adds an empty row.
 */
public class PlaybookForm {

	private String nameJa = "";

	private String nameEn = "";

	private String descriptionJa;

	private String descriptionEn;

	private boolean active = true;

	private Integer version;

	private List<StepForm> steps = new ArrayList<>();

	static PlaybookForm of(PlaybookDefinition definition, boolean active) {
		PlaybookForm form = new PlaybookForm();
		form.nameJa = definition.nameJa();
		form.nameEn = definition.nameEn();
		form.descriptionJa = definition.descriptionJa();
		form.descriptionEn = definition.descriptionEn();
		form.active = active;
		form.version = definition.version();
		for (StepTemplate step : definition.steps()) {
			StepForm row = new StepForm();
			row.position = step.position();
			row.phase = step.phase();
			row.kind = step.kind();
			row.titleJa = step.titleJa();
			row.titleEn = step.titleEn();
			row.guidanceJa = step.guidanceJa();
			row.guidanceEn = step.guidanceEn();
			row.defaultRole = step.defaultRole();
			row.dueHours = step.dueOffsetMinutes() / 60;
			row.required = step.required();
			row.evidenceRequired = step.evidenceRequired();
			form.steps.add(row);
		}
		return form;
	}

	void addEmptyStep() {
		StepForm row = new StepForm();
		row.position = this.steps.size() + 1;
		this.steps.add(row);
	}

	/** Checks the form; field errors name the row ({@code steps[2].titleJa}). */
	void validate(Errors errors) {
		if (blank(this.nameJa)) {
			errors.rejectValue("nameJa", "playbook.name.required");
		}
		if (blank(this.nameEn)) {
			errors.rejectValue("nameEn", "playbook.name.required");
		}
		if (kept().isEmpty()) {
			errors.reject("playbook.steps.required");
		}
		for (int i = 0; i < this.steps.size(); i++) {
			StepForm step = this.steps.get(i);
			if (step.remove) {
				continue;
			}
			String prefix = "steps[" + i + "].";
			if (blank(step.titleJa)) {
				errors.rejectValue(prefix + "titleJa", "playbook.step.titleRequired");
			}
			if (blank(step.titleEn)) {
				errors.rejectValue(prefix + "titleEn", "playbook.step.titleRequired");
			}
			if (step.phase == null) {
				errors.rejectValue(prefix + "phase", "playbook.step.phaseRequired");
			}
			if (step.defaultRole == null || !Permission.WORK_ON_STEPS.allows(Set.of(step.defaultRole))) {
				errors.rejectValue(prefix + "defaultRole", "playbook.step.roleRequired");
			}
			if (step.dueHours == null || step.dueHours < 0 || step.dueHours > 8760) {
				errors.rejectValue(prefix + "dueHours", "playbook.step.dueHoursInvalid");
			}
			if (!blank(step.kind) && !StepKinds.VALID.matcher(step.kind.strip()).matches()) {
				errors.rejectValue(prefix + "kind", "playbook.step.kindInvalid");
			}
		}
	}

	Playbooks.PlaybookContent content() {
		List<StepTemplate> templates = kept().stream()
			.map(step -> new StepTemplate(0, step.phase, blank(step.kind) ? null : step.kind.strip(),
					step.titleJa.strip(), step.titleEn.strip(), trimmed(step.guidanceJa), trimmed(step.guidanceEn),
					step.defaultRole, step.dueHours * 60, step.required, step.evidenceRequired))
			.toList();
		return new Playbooks.PlaybookContent(this.nameJa.strip(), this.nameEn.strip(), trimmed(this.descriptionJa),
				trimmed(this.descriptionEn), this.active, templates);
	}

	private List<StepForm> kept() {
		return this.steps.stream()
			.filter(step -> !step.remove)
			.sorted(Comparator
				.comparing((StepForm step) -> (step.position != null) ? step.position : Integer.MAX_VALUE))
			.toList();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String trimmed(String value) {
		return blank(value) ? null : value.strip();
	}

	public String getNameJa() {
		return this.nameJa;
	}

	public void setNameJa(String nameJa) {
		this.nameJa = nameJa;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getDescriptionJa() {
		return this.descriptionJa;
	}

	public void setDescriptionJa(String descriptionJa) {
		this.descriptionJa = descriptionJa;
	}

	public String getDescriptionEn() {
		return this.descriptionEn;
	}

	public void setDescriptionEn(String descriptionEn) {
		this.descriptionEn = descriptionEn;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public List<StepForm> getSteps() {
		return this.steps;
	}

	public void setSteps(List<StepForm> steps) {
		this.steps = steps;
	}

}
