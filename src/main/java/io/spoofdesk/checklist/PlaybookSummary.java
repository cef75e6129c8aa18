package io.spoofdesk.checklist;

import java.time.Instant;

/** A playbook as the admin list and the swap menu show it. */
public record PlaybookSummary(long id, String code, boolean isDefault, boolean active, int currentVersion,
		String nameJa, String nameEn, int stepCount, Instant changedAt, String changedBy) {

	public String name(String language) {
		return "en".equals(language) ? this.nameEn : this.nameJa;
	}

}
