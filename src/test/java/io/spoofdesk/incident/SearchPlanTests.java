package io.spoofdesk.incident;

import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import io.spoofdesk.support.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search is never a named server-side statement, so PostgreSQL cannot switch it to one
 * generic plan for any words (issue 18: a search for "見積書" took 5.5 s at 1,000,000
 * incidents once the driver had named the statement and the server had gone generic). Run
 * more than ten times on one connection, as a busy pool would, and then asked of that
 * connection's prepared statements.
 */
@ServerTest
class SearchPlanTests {

	@Autowired
	DataSource dataSource;

	@Test
	void aSearchRunManyTimesOnOneConnectionIsPlannedForItsWordsEachTime() throws Exception {
		try (Connection raw = this.dataSource.getConnection()) {
			SingleConnectionDataSource one = new SingleConnectionDataSource(raw, true);
			IncidentList list = new IncidentList(JdbcClient.create(one), new JdbcTemplate(one));
			for (int i = 0; i < 12; i++) {
				list.find(new IncidentFilter("見積書", null, null, null, null, null, null, null, null, null),
						ZoneId.of("Asia/Tokyo"), 101);
				list.find(new IncidentFilter(null, null, null, null, null, null, null, null, null, null),
						ZoneId.of("Asia/Tokyo"), 101);
			}
			List<String> prepared = JdbcClient.create(one)
				.sql("SELECT statement FROM pg_prepared_statements")
				.query(String.class)
				.list();
			assertThat(prepared).as("the plain list may be prepared once and kept")
				.anySatisfy(
						statement -> assertThat(statement).contains("ORDER BY i.reported_at DESC, i.id DESC LIMIT"));
			assertThat(prepared).as("a search never is")
				.noneSatisfy(statement -> assertThat(statement).contains("search_grams @>"));
		}
	}

}
