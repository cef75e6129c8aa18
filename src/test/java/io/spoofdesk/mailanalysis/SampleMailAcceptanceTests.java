package io.spoofdesk.mailanalysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outside acceptance set: every mail of {@code ../shared/samples/eml} against its
 * ground truth in {@code labels.json}. The folder is not part of the repository (a user's
 * clone has none); {@code SPOOFDESK_SAMPLES_DIR} may point elsewhere. Without it the test
 * is skipped, and {@link IndicatorFixtureTests} still covers every code.
 */
class SampleMailAcceptanceTests {

	private final MailAnalyzer analyzer = new MailAnalyzer();

	static Path samplesDirectory() {
		String configured = System.getenv("SPOOFDESK_SAMPLES_DIR");
		Path directory = configured != null ? Path.of(configured) : Path.of("..", "shared", "samples", "eml");
		return directory.resolve("labels.json").toFile().isFile() ? directory : null;
	}

	@TestFactory
	Stream<DynamicTest> everySampleMatchesItsLabels() throws IOException {
		Path directory = samplesDirectory();
		Assumptions.assumeTrue(directory != null, "no ../shared/samples/eml on this clone");
		JsonNode labels = JsonMapper.builder().build().readTree(directory.resolve("labels.json").toFile());
		List<DynamicTest> tests = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : labels.properties()) {
			tests.add(DynamicTest.dynamicTest(entry.getKey(),
					() -> check(Files.readAllBytes(directory.resolve(entry.getKey())), entry.getValue())));
		}
		return tests.stream();
	}

	private void check(byte[] raw, JsonNode label) {
		String verdict = label.get("verdict").asString();
		if (verdict.equals("reject")) {
			assertThatThrownBy(() -> this.analyzer.analyze(raw, SampleContexts.kitamura()))
				.isInstanceOf(NotMailException.class);
			return;
		}
		MailAnalysis analysis = this.analyzer.analyze(raw, SampleContexts.kitamura());
		if (label.has("from_address")) {
			assertThat(analysis.from().address()).isEqualToIgnoringCase(label.get("from_address").asString());
		}
		if (label.has("from_display")) {
			assertThat(nfc(analysis.from().display())).isEqualTo(nfc(label.get("from_display").asString()));
		}
		if (label.has("reply_to")) {
			assertThat(lower(analysis.replyTo())).isEqualTo(lower(text(label.get("reply_to"))));
		}
		if (label.has("return_path")) {
			assertThat(lower(analysis.returnPath())).isEqualTo(lower(text(label.get("return_path"))));
		}
		if (label.has("subject")) {
			assertThat(nfc(analysis.subject())).isEqualTo(nfc(label.get("subject").asString()));
		}
		if (label.has("attachments")) {
			List<String> expected = new ArrayList<>();
			label.get("attachments").forEach(name -> expected.add(nfc(name.asString())));
			assertThat(analysis.attachments().stream().map(a -> nfc(a.filename())).toList())
				.containsExactlyInAnyOrderElementsOf(expected);
		}
		if (label.has("urls")) {
			List<String> expected = new ArrayList<>();
			label.get("urls").forEach(url -> expected.add(url.asString()));
			assertThat(analysis.urls()).containsExactlyInAnyOrderElementsOf(expected);
		}
		if (label.has("body_contains")) {
			assertThat(nfc(analysis.textBody())).contains(nfc(label.get("body_contains").asString()));
		}
		if (label.has("forwarded_by")) {
			assertThat(analysis.forwardedBy()).isNotNull();
			assertThat(analysis.forwardedBy().address()).isEqualToIgnoringCase(label.get("forwarded_by").asString());
		}
		if (label.has("flags")) {
			Set<String> reported = new HashSet<>();
			analysis.indicators().forEach(indicator -> reported.add(indicator.code().name().toLowerCase(Locale.ROOT)));
			analysis.attachments()
				.forEach(attachment -> attachment.flags()
					.forEach(flag -> reported.add(flag.name().toLowerCase(Locale.ROOT))));
			label.get("flags").forEach(flag -> assertThat(reported).contains(flag.asString()));
		}
		if (label.has("triage")) {
			assertThat(analysis.triage().hint().name()).as(analysis.triage().evidence().toString())
				.isEqualTo(label.get("triage").asString());
		}
		if (label.has("triage_not")) {
			label.get("triage_not")
				.forEach(hint -> assertThat(analysis.triage().hint().name()).isNotEqualTo(hint.asString()));
		}
		switch (verdict) {
			case "suspicious" -> assertThat(analysis.verdict()).isEqualTo(MailAnalysis.Verdict.SUSPICIOUS);
			case "no_indicators" -> assertThat(analysis.verdict()).as(analysis.indicators().toString())
				.isEqualTo(MailAnalysis.Verdict.NO_INDICATORS);
			default -> assertThat(analysis.warnings()).isNotNull();
		}
	}

	private static String text(JsonNode node) {
		return node == null || node.isNull() ? null : node.asString();
	}

	private static String nfc(String text) {
		return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
	}

	private static String lower(String text) {
		return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
	}

}
