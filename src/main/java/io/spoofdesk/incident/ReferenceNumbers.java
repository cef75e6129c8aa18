package io.spoofdesk.incident;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out INC-YYYY-NNNN references, gap-free per year and safe under concurrent
 * creation: the year's counter row is incremented inside the creating transaction, so
 * concurrent creators wait for each other and a rolled-back creation gives its number
 * back.
 */
@Component
class ReferenceNumbers {

	private final JdbcClient jdbc;

	ReferenceNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(int year) {
		int number = this.jdbc.sql("""
				INSERT INTO incident_reference_counter (year, last_number) VALUES (?, 1)
				ON CONFLICT (year) DO UPDATE SET last_number = incident_reference_counter.last_number + 1
				RETURNING last_number""").params(year).query(Integer.class).single();
		return format(year, number);
	}

	static String format(int year, int number) {
		return "INC-%d-%04d".formatted(year, number);
	}

}
