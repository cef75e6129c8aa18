package io.spoofdesk.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Filters of the audit log page; every one is optional. {@code before} is the id of the
 * last line already shown, for keyset paging (no count over the whole log).
 */
record AuditSearch(String actor, String action, String targetType, String targetId,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Long before) {

	AuditSearch withBefore(Long id) {
		return new AuditSearch(this.actor, this.action, this.targetType, this.targetId, this.from, this.to, id);
	}

}
