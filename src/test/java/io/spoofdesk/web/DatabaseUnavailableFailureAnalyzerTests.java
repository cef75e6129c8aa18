package io.spoofdesk.web;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableFailureAnalyzerTests {

	@Test
	void unreachableDatabaseIsExplainedInPlainWords() {
		Exception startupFailure = new IllegalStateException("Failed to initialize Flyway", new RuntimeException(
				"Connection to 127.0.0.1:5999 refused", new ConnectException("Connection refused")));

		FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer().analyze(startupFailure);

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("could not connect to its PostgreSQL database");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "spring-boot:test-run");
	}

	@Test
	void otherFailuresAreLeftToSpringBoot() {
		assertThat(new DatabaseUnavailableFailureAnalyzer().analyze(new IllegalStateException("boom"))).isNull();
	}

}
