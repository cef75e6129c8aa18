package io.spoofdesk.incident;

/** How bad a case is. */
public enum Severity {

	LOW, MEDIUM, HIGH, CRITICAL

}
