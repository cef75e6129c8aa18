package io.spoofdesk.incident;

import java.util.EnumSet;
import java.util.Set;

import io.spoofdesk.identity.Role;
import io.spoofdesk.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.security.access.AccessDeniedException;

import static io.spoofdesk.incident.IncidentStatus.CLOSED;
import static io.spoofdesk.incident.IncidentStatus.CONTAINED;
import static io.spoofdesk.incident.IncidentStatus.FALSE_POSITIVE;
import static io.spoofdesk.incident.IncidentStatus.NEW;
import static io.spoofdesk.incident.IncidentStatus.RECOVERED;
import static io.spoofdesk.incident.IncidentStatus.TRIAGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The status table of DESIGN.md, flow 1: every allowed change, and the ones refused. */
class StatusTransitionTests {

	static final Set<Role> HELPDESK = EnumSet.of(Role.HELPDESK);

	static final Set<Role> MANAGER = EnumSet.of(Role.MANAGER);

	@ParameterizedTest(name = "{0} -> {1} (previous {2}) is {3}")
	@CsvSource({ "NEW, TRIAGED, , FORWARD", "NEW, FALSE_POSITIVE, , FORWARD", "TRIAGED, CONTAINED, NEW, FORWARD",
			"TRIAGED, RECOVERED, NEW, FORWARD", "TRIAGED, FALSE_POSITIVE, NEW, FORWARD",
			"CONTAINED, RECOVERED, TRIAGED, FORWARD", "RECOVERED, CLOSED, CONTAINED, FORWARD",
			"TRIAGED, NEW, NEW, BACK", "CONTAINED, TRIAGED, TRIAGED, BACK", "RECOVERED, CONTAINED, CONTAINED, BACK",
			"RECOVERED, TRIAGED, TRIAGED, BACK", "CLOSED, TRIAGED, RECOVERED, REOPEN",
			"FALSE_POSITIVE, TRIAGED, NEW, REOPEN" })
	void allowedChanges(IncidentStatus from, IncidentStatus to, IncidentStatus previous, StatusTransition.Kind kind) {
		assertThat(StatusTransition.of(from, to, previous).kind()).isEqualTo(kind);
	}

	@ParameterizedTest(name = "{0} -> {1} (previous {2}) is refused")
	@CsvSource({ "NEW, CONTAINED, ", "NEW, RECOVERED, ", "NEW, CLOSED, ", "TRIAGED, CLOSED, NEW",
			"CONTAINED, FALSE_POSITIVE, TRIAGED", "CONTAINED, NEW, TRIAGED", "RECOVERED, NEW, CONTAINED",
			"CLOSED, RECOVERED, RECOVERED", "CLOSED, NEW, RECOVERED", "FALSE_POSITIVE, NEW, NEW", "NEW, NEW, " })
	void refusedChanges(IncidentStatus from, IncidentStatus to, IncidentStatus previous) {
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> StatusTransition.of(from, to, previous))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("incident.status.illegal"));
	}

	@Test
	void goingBackReopeningAndFalsePositivesNeedAReason() {
		assertThat(StatusTransition.of(NEW, TRIAGED, null).needsReason()).isFalse();
		assertThat(StatusTransition.of(CONTAINED, TRIAGED, TRIAGED).needsReason()).isTrue();
		assertThat(StatusTransition.of(CLOSED, TRIAGED, RECOVERED).needsReason()).isTrue();
		assertThat(StatusTransition.of(NEW, FALSE_POSITIVE, null).needsReason()).isTrue();
	}

	@Test
	void helpdeskMovesCasesUpToRecoveredOnlyManagersCloseReopenOrDismiss() {
		StatusTransition.of(CONTAINED, RECOVERED, TRIAGED).checkAllowedFor(HELPDESK);
		StatusTransition.of(CONTAINED, TRIAGED, TRIAGED).checkAllowedFor(HELPDESK);
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> StatusTransition.of(RECOVERED, CLOSED, CONTAINED).checkAllowedFor(HELPDESK));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> StatusTransition.of(NEW, FALSE_POSITIVE, null).checkAllowedFor(HELPDESK));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> StatusTransition.of(CLOSED, TRIAGED, RECOVERED).checkAllowedFor(HELPDESK));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> StatusTransition.of(NEW, TRIAGED, null).checkAllowedFor(EnumSet.of(Role.STAFF)));
		StatusTransition.of(RECOVERED, CLOSED, CONTAINED).checkAllowedFor(MANAGER);
		StatusTransition.of(CLOSED, TRIAGED, RECOVERED).checkAllowedFor(MANAGER);
	}

	@Test
	void casePageOffersOnlyWhatTheUserMayDo() {
		assertThat(StatusTransition.optionsFrom(TRIAGED, NEW, HELPDESK)).extracting(StatusTransition::to)
			.containsExactly(NEW, CONTAINED, RECOVERED);
		assertThat(StatusTransition.optionsFrom(TRIAGED, NEW, MANAGER)).extracting(StatusTransition::to)
			.containsExactly(NEW, CONTAINED, RECOVERED, FALSE_POSITIVE);
		assertThat(StatusTransition.optionsFrom(CLOSED, RECOVERED, HELPDESK)).isEmpty();
	}

}
