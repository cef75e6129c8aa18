package io.spoofdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.spoofdesk.checklist.StepStatus;
import io.spoofdesk.incident.IncidentStatus;
import io.spoofdesk.support.IncidentFixtures;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.warningmail.DraftStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each state that both Java and SQL ask about has one definition on each side (V29): the
 * enum's rule and the SQL function its module owns. These tests prove the two equal value
 * by value, and that the rule is not spelled out again anywhere else.
 */
@ServerTest
class StateDefinitionsTests {

	/**
	 * Each rule as it was written out before V29, a status it names (how to find it in a
	 * definition PostgreSQL prints back) and the one function that now says it.
	 */
	private record Rule(String spelledOut, String status, String owner) {
	}

	private static final List<Rule> RULES = List.of(
			new Rule("'TODO', 'IN_PROGRESS', 'BLOCKED'", "'BLOCKED'", "checklist_step_is_open"),
			new Rule("'CLOSED', 'FALSE_POSITIVE'", "'FALSE_POSITIVE'", "incident_is_open"),
			new Rule("'SENT', 'MARKED_SENT'", "'MARKED_SENT'", "warning_draft_is_warned"),
			new Rule("'DRAFT', 'RETURNED'", "'RETURNED'", "warning_draft_is_editable"),
			new Rule("to_status = 'TRIAGED'", "'TRIAGED'", "incident_milestones"));

	/** Migrations up to this one are history, and V29 itself is the one home. */
	private static final int ONE_HOME_MIGRATION = 29;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	boolean sql(String function, Object... args) {
		String placeholders = String.join(", ", Collections.nCopies(args.length, "?"));
		return this.jdbc.sql("SELECT " + function + "(" + placeholders + ")")
			.params(args)
			.query(Boolean.class)
			.single();
	}

	@Test
	void anOpenIncidentIsTheSameInJavaAndSql() {
		for (IncidentStatus status : IncidentStatus.values()) {
			assertThat(sql("incident_is_open", status.name())).as(status.name()).isEqualTo(status.isOpen());
		}
	}

	@Test
	void anOpenStepIsTheSameInJavaAndSqlAndNeverDormant() {
		for (StepStatus status : StepStatus.values()) {
			assertThat(sql("checklist_step_is_open", status.name(), false)).as(status.name())
				.isEqualTo(status.isOpen());
			assertThat(sql("checklist_step_is_open", status.name(), true)).as(status + " dormant").isFalse();
		}
	}

	@Test
	void editableWarnedAndStillToSendDraftsAreTheSameInJavaAndSql() {
		for (DraftStatus status : DraftStatus.values()) {
			assertThat(sql("warning_draft_is_editable", status.name())).as("editable " + status)
				.isEqualTo(status.isEditable());
			assertThat(sql("warning_draft_is_warned", status.name())).as("warned " + status)
				.isEqualTo(status.isWarned());
			assertThat(sql("warning_draft_is_to_send", status.name())).as("to send " + status)
				.isEqualTo(status.isStillToSend());
		}
	}

	@Test
	void milestonesFollowTheDesignFirstTriagedContainedElseRecoveredLastClosedWhileClosed() {
		Instant reported = Instant.parse("2018-05-01T00:00:00Z");
		IncidentFixtures fixtures = new IncidentFixtures(this.jdbc);
		long closedTwice = fixtures.incident(reported, "CLOSED", "closed, reopened, closed again");
		fixtures.reached(closedTwice, reported, "TRIAGED", 1);
		fixtures.reached(closedTwice, reported, "RECOVERED", 5);
		fixtures.reached(closedTwice, reported, "CLOSED", 7);
		fixtures.reached(closedTwice, reported, "TRIAGED", 9);
		fixtures.reached(closedTwice, reported, "RECOVERED", 11);
		fixtures.reached(closedTwice, reported, "CLOSED", 13);
		long reopened = fixtures.incident(reported, "TRIAGED", "closed, then reopened");
		fixtures.reached(reopened, reported, "TRIAGED", 2);
		fixtures.reached(reopened, reported, "RECOVERED", 3);
		fixtures.reached(reopened, reported, "CONTAINED", 4);
		fixtures.reached(reopened, reported, "CLOSED", 5);
		fixtures.reached(reopened, reported, "TRIAGED", 6);
		long untouched = fixtures.incident(reported, "NEW", "never moved");

		assertThat(milestones(closedTwice, "CLOSED")).containsExactly(hours(reported, 1), hours(reported, 5),
				hours(reported, 13));
		assertThat(milestones(reopened, "TRIAGED")).as("a CONTAINED counts even after a RECOVERED")
			.containsExactly(hours(reported, 2), hours(reported, 4), null);
		assertThat(milestones(untouched, "NEW")).containsExactly(null, null, null);
	}

	@Test
	void anIncidentEndsAtItsLastChangeIntoItsClosedStatusOrWhenLastSavedAndNotWhileOpen() {
		Instant reported = Instant.parse("2018-06-01T00:00:00Z");
		IncidentFixtures fixtures = new IncidentFixtures(this.jdbc);
		long closed = fixtures.incident(reported, "CLOSED", "closed twice");
		fixtures.reached(closed, reported, "CLOSED", 3);
		fixtures.reached(closed, reported, "TRIAGED", 4);
		fixtures.reached(closed, reported, "CLOSED", 6);
		long closedWithoutHistory = fixtures.incident(reported, "FALSE_POSITIVE", "imported closed");
		long open = fixtures.incident(reported, "CONTAINED", "open");
		fixtures.reached(open, reported, "CLOSED", 1);
		fixtures.reached(open, reported, "CONTAINED", 2);

		assertThat(endedAt(closed)).isEqualTo(hours(reported, 6));
		assertThat(endedAt(closedWithoutHistory)).isEqualTo(reported);
		assertThat(endedAt(open)).isNull();
	}

	@Test
	void theTaskListsStillReadThePartialIndexesThroughTheFunction() {
		List<String> plan = this.transactions.execute(status -> {
			this.jdbc.sql("SET LOCAL enable_seqscan = off").update();
			this.jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
			return this.jdbc.sql("""
					EXPLAIN SELECT s.id FROM checklist_step s
					WHERE checklist_step_is_open(s.status, s.dormant) AND s.assignee = 'someone' ORDER BY s.due_at""")
				.query(String.class)
				.list();
		});
		assertThat(String.join("\n", plan)).contains("checklist_step_assignee_open_idx");
	}

	@Test
	void noLiveFunctionIndexOrViewSpellsOutARuleItsOwnerSays() {
		List<String> found = new ArrayList<>();
		for (Rule rule : RULES) {
			found.addAll(this.jdbc.sql("""
					SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
					WHERE n.nspname = current_schema() AND p.prosrc LIKE '%' || :status || '%' AND p.proname <> :owner
					UNION ALL
					SELECT indexname FROM pg_indexes
					WHERE schemaname = current_schema() AND indexdef LIKE '%' || :status || '%'
					UNION ALL
					SELECT viewname FROM pg_views
					WHERE schemaname = current_schema() AND definition LIKE '%' || :status || '%'""")
				.param("status", rule.status())
				.param("owner", rule.owner())
				.query(String.class)
				.list()
				.stream()
				.map(name -> name + " names " + rule.status())
				.toList());
		}
		assertThat(found).isEmpty();
	}

	@Test
	void noCodeOrLaterMigrationSpellsOutARuleAgain() throws IOException {
		List<String> found = new ArrayList<>();
		Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("db")))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher migration = version.matcher(file.getFileName().toString());
				if (migration.matches() && Integer.parseInt(migration.group(1)) <= ONE_HOME_MIGRATION) {
					continue;
				}
				String text = Files.readString(file);
				RULES.stream()
					.filter(rule -> text.contains(rule.spelledOut()))
					.forEach(rule -> found.add(file + ": " + rule.spelledOut() + " (say " + rule.owner() + ")"));
			}
		}
		assertThat(found).isEmpty();
	}

	private List<Instant> milestones(long incident, String status) {
		return this.jdbc.sql("SELECT triaged_at, contained_at, closed_at FROM incident_milestones(?, ?)")
			.params(incident, status)
			.query((rs, n) -> Arrays.asList(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
					instant(rs.getTimestamp(3))))
			.single();
	}

	private Instant endedAt(long incident) {
		return this.jdbc.sql("SELECT incident_ended_at(?)")
			.param(incident)
			.query((rs, n) -> instant(rs.getTimestamp(1)))
			.list()
			.get(0);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Instant hours(Instant from, int hours) {
		return from.plusSeconds(hours * 3600L);
	}

}
