package io.spoofdesk.mailanalysis;

/** What can make a mail suspicious, with DESIGN.md's severity of each. */
public enum IndicatorCode {

	DISPLAY_NAME_IMPERSONATION(IndicatorSeverity.HIGH), LOOKALIKE_DOMAIN(IndicatorSeverity.HIGH),
	ENCRYPTED_ARCHIVE(IndicatorSeverity.HIGH), MACRO_DOCUMENT(IndicatorSeverity.HIGH),
	SHORTCUT_FILE(IndicatorSeverity.HIGH), DISK_IMAGE(IndicatorSeverity.HIGH), EXECUTABLE(IndicatorSeverity.HIGH),
	DOUBLE_EXTENSION(IndicatorSeverity.HIGH), ARCHIVE_LIMIT_EXCEEDED(IndicatorSeverity.HIGH),
	DMARC_FAIL(IndicatorSeverity.HIGH), ENVELOPE_MISMATCH(IndicatorSeverity.MEDIUM),
	REPLY_TO_MISMATCH(IndicatorSeverity.MEDIUM), SPF_FAIL(IndicatorSeverity.MEDIUM),
	DKIM_FAIL(IndicatorSeverity.MEDIUM), PASSWORD_IN_BODY(IndicatorSeverity.MEDIUM),
	HTML_ACTIVE_CONTENT(IndicatorSeverity.MEDIUM), REPLY_CHAIN(IndicatorSeverity.LOW),
	URL_PRESENT(IndicatorSeverity.LOW), OFF_HOURS(IndicatorSeverity.LOW);

	private final IndicatorSeverity severity;

	IndicatorCode(IndicatorSeverity severity) {
		this.severity = severity;
	}

	public IndicatorSeverity severity() {
		return this.severity;
	}

	/** Whether this code alone makes a mail suspicious (MEDIUM or HIGH). */
	public boolean makesSuspicious() {
		return this.severity != IndicatorSeverity.LOW;
	}

}
