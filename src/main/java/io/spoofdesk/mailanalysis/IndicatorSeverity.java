package io.spoofdesk.mailanalysis;

public enum IndicatorSeverity {

	HIGH, MEDIUM, LOW

}
