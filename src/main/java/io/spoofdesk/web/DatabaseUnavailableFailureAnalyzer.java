package io.spoofdesk.web;

import java.net.ConnectException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When PostgreSQL cannot be reached at start-up, says so in plain words instead of a page
 * of stack trace.
 */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<ConnectException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConnectException cause) {
		return new FailureAnalysis("SpoofDesk could not connect to its PostgreSQL database: " + cause.getMessage(),
				"Start PostgreSQL, or point SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
						+ "SPRING_DATASOURCE_PASSWORD at a running one. For a local try-out without a database, "
						+ "run ./mvnw spring-boot:test-run, which starts an embedded PostgreSQL.",
				cause);
	}

}
