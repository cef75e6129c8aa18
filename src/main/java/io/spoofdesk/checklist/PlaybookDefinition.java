package io.spoofdesk.checklist;

import java.time.Instant;
import java.util.List;

/** One saved version of a playbook: what a checklist is copied from. */
public record PlaybookDefinition(long versionId, long playbookId, String code, int version, String nameJa,
		String nameEn, String descriptionJa, String descriptionEn, List<StepTemplate> steps, Instant createdAt,
		String createdBy) {

	public String name(String language) {
		return "en".equals(language) ? this.nameEn : this.nameJa;
	}

	public String description(String language) {
		return "en".equals(language) ? this.descriptionEn : this.descriptionJa;
	}

}
