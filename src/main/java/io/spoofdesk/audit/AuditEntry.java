package io.spoofdesk.audit;

/**
 * What happened, to what, and (for a change) which field went from which value to which.
 * Build one with {@link #of} or {@link #change}.
 */
public record AuditEntry(String action, String targetType, String targetId, String field, String oldValue,
		String newValue) {

	public static AuditEntry of(String action, String targetType, Object targetId) {
		return new AuditEntry(action, targetType, stringOf(targetId), null, null, null);
	}

	public static AuditEntry change(String action, String targetType, Object targetId, String field, Object oldValue,
			Object newValue) {
		return new AuditEntry(action, targetType, stringOf(targetId), field, stringOf(oldValue), stringOf(newValue));
	}

	/** The same entry with a note in place of the new value, e.g. a reason. */
	public AuditEntry withDetail(String detail) {
		return new AuditEntry(this.action, this.targetType, this.targetId, this.field, this.oldValue, detail);
	}

	private static String stringOf(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
