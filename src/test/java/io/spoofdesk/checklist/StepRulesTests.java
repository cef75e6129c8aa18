package io.spoofdesk.checklist;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.spoofdesk.identity.Role;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The step rules without a database: who works on which step, what skipping, blocking and
 * finishing need, when a step is overdue, how guidance is rendered and which files count
 * as evidence.
 */
class StepRulesTests {

	static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");

	static final StepRules.LedgerState NO_LEDGER = new StepRules.LedgerState(0, 0);

	static ChecklistStep step(String kind, boolean required, boolean evidenceRequired, Instant dueAt) {
		return new ChecklistStep(1, 1, 1, Phase.ERADICATE, kind, "title", null, Role.STAFF, required, evidenceRequired,
				false, dueAt, NOW, "setup");
	}

	@Test
	void staffWorkOnTheirOwnAndUnassignedStepsManagersOnAnyAdminsOnNone() {
		assertThat(StepRules.canWork(null, "sato", Set.of(Role.STAFF))).isTrue();
		assertThat(StepRules.canWork("Sato", "sato", Set.of(Role.STAFF))).isTrue();
		assertThat(StepRules.canWork("tanaka", "sato", Set.of(Role.STAFF))).isFalse();
		assertThat(StepRules.canWork("tanaka", "sato", Set.of(Role.HELPDESK))).isFalse();
		assertThat(StepRules.canWork("tanaka", "boss", Set.of(Role.MANAGER))).isTrue();
		assertThat(StepRules.canWork(null, "admin", Set.of(Role.ADMIN))).isFalse();
		assertThat(StepRules.canPlan(Set.of(Role.STAFF))).isFalse();
		assertThat(StepRules.canPlan(Set.of(Role.HELPDESK))).isTrue();
	}

	@Test
	void skippingOrBlockingNeedsAReasonAndARequiredStepIsSkippedByAManagerOnly() {
		ChecklistStep required = step("ISOLATE_PC", true, false, null);
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(
				() -> StepRules.checkStatusChange(required, StepStatus.BLOCKED, "  ", Set.of(Role.STAFF), 0, NO_LEDGER))
			.satisfies(ex -> assertThat(ex.errors().getFieldError().getField()).isEqualTo("reason"));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> StepRules.checkStatusChange(required,
				StepStatus.SKIPPED, "not needed", Set.of(Role.STAFF, Role.HELPDESK), 0, NO_LEDGER));
		assertThatNoException().isThrownBy(() -> StepRules.checkStatusChange(required, StepStatus.SKIPPED, "not needed",
				Set.of(Role.MANAGER), 0, NO_LEDGER));
		assertThatNoException().isThrownBy(() -> StepRules.checkStatusChange(step("WEBSITE_NOTICE", false, false, null),
				StepStatus.SKIPPED, "all reached", Set.of(Role.STAFF), 0, NO_LEDGER));
	}

	@Test
	void finishingNeedsEvidenceWhereRequiredAndACompleteCredentialLedger() {
		ChecklistStep scan = step(StepKinds.AV_SCAN, true, true, null);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(
					() -> StepRules.checkStatusChange(scan, StepStatus.DONE, null, Set.of(Role.STAFF), 0, NO_LEDGER))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("checklist.step.evidenceMissing"));
		assertThatNoException().isThrownBy(
				() -> StepRules.checkStatusChange(scan, StepStatus.DONE, null, Set.of(Role.STAFF), 1, NO_LEDGER));

		ChecklistStep rotate = step(StepKinds.ROTATE_PASSWORDS, true, false, null);
		assertThat(messageKey(rotate, NO_LEDGER)).isEqualTo("checklist.ledger.empty");
		assertThat(messageKey(rotate, new StepRules.LedgerState(3, 2))).isEqualTo("checklist.ledger.unconfirmed");
		assertThatNoException().isThrownBy(() -> StepRules.checkStatusChange(rotate, StepStatus.DONE, null,
				Set.of(Role.STAFF), 0, new StepRules.LedgerState(3, 3)));
		assertThatNoException().as("the ledger only matters for finishing")
			.isThrownBy(() -> StepRules.checkStatusChange(rotate, StepStatus.IN_PROGRESS, null, Set.of(Role.STAFF), 0,
					NO_LEDGER));
	}

	static String messageKey(ChecklistStep step, StepRules.LedgerState ledger) {
		try {
			StepRules.checkStatusChange(step, StepStatus.DONE, null, Set.of(Role.STAFF), 0, ledger);
			return null;
		}
		catch (ConflictException ex) {
			return ex.messageKey();
		}
	}

	@Test
	void aStepIsOverdueWhileOpenPastItsDueTimeOnly() {
		ChecklistStep late = step(null, true, false, NOW.minus(Duration.ofMinutes(1)));
		assertThat(late.toView(NOW).overdue()).isTrue();
		assertThat(step(null, true, false, NOW.plus(Duration.ofMinutes(1))).toView(NOW).overdue()).isFalse();
		assertThat(step(null, true, false, null).toView(NOW).overdue()).isFalse();
		late.changeStatus(StepStatus.BLOCKED, "waiting for the vendor", NOW, "sato");
		assertThat(late.toView(NOW).overdue()).as("blocked is still open").isTrue();
		late.changeStatus(StepStatus.DONE, null, NOW, "sato");
		assertThat(late.toView(NOW).overdue()).isFalse();
		assertThat(late.toView(NOW).completedBy()).isEqualTo("sato");
		late.changeStatus(StepStatus.TODO, null, NOW, "sato");
		assertThat(late.toView(NOW).completedBy()).as("reopening clears the completion").isNull();
	}

	@Test
	void guidanceIsEscapedFirstAndOnlyGetsParagraphsAndLists() {
		String html = new Guidance()
			.html("Line <b>one</b>\nline two\n\n- item & <script>x</script>\n- javascript:alert(1)\nafter");

		assertThat(html).isEqualTo("<p class=\"mb-2\">Line &lt;b&gt;one&lt;/b&gt;<br>line two</p>"
				+ "<ul class=\"mb-2\"><li>item &amp; &lt;script&gt;x&lt;/script&gt;</li><li>javascript:alert(1)</li></ul>"
				+ "<p class=\"mb-2\">after</p>");
		assertThat(new Guidance().html(null)).isEmpty();
	}

	@Test
	void evidenceMustBeAnAllowedTypeWhoseContentMatchesItsName() {
		byte[] log = "scan finished: 0 threats\n".getBytes(StandardCharsets.UTF_8);
		assertThat(EvidenceTypes.contentTypeOf("scan.log", log)).contains("text/plain");
		assertThat(EvidenceTypes.contentTypeOf("report.PDF", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
			.contains("application/pdf");
		assertThat(EvidenceTypes.contentTypeOf("report.pdf", log)).as("not a PDF inside").isEmpty();
		assertThat(EvidenceTypes.contentTypeOf("shot.png", log)).isEmpty();
		assertThat(EvidenceTypes.contentTypeOf("run.exe", log)).isEmpty();
		assertThat(EvidenceTypes.contentTypeOf("page.html", log)).isEmpty();
		assertThat(EvidenceTypes.contentTypeOf("x.txt", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
		assertThat(EvidenceTypes.contentTypeOf("x.txt", new byte[] { 'M', 'Z', 0, 0 })).isEmpty();
		assertThat(EvidenceTypes.contentTypeOf("empty.txt", new byte[0])).isEmpty();
	}

	@Test
	void antivirusAndEdrLogsAreAcceptedAsJsonAndInUtf16() {
		String defender = "Threat: Trojan:Win32/Emotet\r\nAction: Quarantine\r\n";
		byte[] withBom = ("\uFEFF" + defender).getBytes(StandardCharsets.UTF_16LE);
		assertThat(EvidenceTypes.contentTypeOf("MpCmdRun.log", withBom)).contains("text/plain");
		assertThat(EvidenceTypes.contentTypeOf("scan.txt", defender.getBytes(StandardCharsets.UTF_16LE)))
			.as("UTF-16 without a byte-order mark")
			.contains("text/plain");
		assertThat(EvidenceTypes.contentTypeOf("scan.csv",
				("\uFEFF" + "host,threat\r\npc01,none\r\n").getBytes(StandardCharsets.UTF_16BE)))
			.contains("text/csv");
		assertThat(EvidenceTypes.contentTypeOf("edr-export.json",
				"{\"detections\": [], \"host\": \"pc01\"}".getBytes(StandardCharsets.UTF_8)))
			.contains("application/json");
		assertThat(EvidenceTypes.contentTypeOf("x.log", "<html><script>x</script>".getBytes(StandardCharsets.UTF_16LE)))
			.as("markup in UTF-16 is still refused")
			.isEmpty();
	}

}
