package io.spoofdesk.mailanalysis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Fuzzing with fixed seeds: hostile and broken input never makes the engine throw
 * anything but {@link NotMailException}, and never takes long. Truncated, byte-flipped,
 * spliced and boundary-mangled variants of generated mail, random bytes, and random soups
 * of header lines. A failing case names its seed, so it can be replayed.
 */
class MailRobustnessTests {

	private static final Duration PER_MAIL = Duration.ofSeconds(2);

	private static final String[] HEADER_NAMES = { "From", "To", "Subject", "Received", "Authentication-Results",
			"Content-Type", "Content-Disposition", "Reply-To", "Return-Path", "Date", "X-Junk" };

	private static final String[] HOSTILE_VALUES = { "=?iso-2022-jp?B?GyRCJDUbKEI=?=", "=?utf-8?Q?=E8=AB=8B=?=", "<>",
			"multipart/mixed", "multipart/mixed; boundary=", "attachment; filename*=utf-8''%E8%AB", "\"a\" <@>",
			"from x by y; not a date", "mx1.kitamura-seiki.co.jp; spf=", "message/rfc822",
			"text/plain; charset=\"x-unknown\"", "=?shift_jis?B?gp+CoA==?=", "\u202Eexe.pdf", "a".repeat(5000) };

	private final MailAnalyzer analyzer = new MailAnalyzer();

	private final List<byte[]> seeds = List.of(MailCorpus.mail(new Random(1), 1), MailCorpus.mail(new Random(2), 2),
			TestMail.from("\"x\" <a@b.example>")
				.subject("Re: 請求書")
				.text("パスワード: abcd1234")
				.attach("a.zip", "application/zip", TestMail.encryptedZip("a.pdf.exe"))
				.attach("b.zip", "application/zip", TestMail.zipHolding("in.zip", TestMail.zip("x.lnk", "L")))
				.bytes());

	@TestFactory
	Stream<DynamicTest> mutatedMailIsAnalysedOrRefused() {
		return IntStream.range(0, 300).mapToObj(seed -> DynamicTest.dynamicTest("mutation seed " + seed, () -> {
			Random random = new Random(seed);
			byte[] original = this.seeds.get(random.nextInt(this.seeds.size()));
			analyseWithinBounds(mutate(original, random));
		}));
	}

	@TestFactory
	Stream<DynamicTest> randomBytesAreAnalysedOrRefused() {
		return IntStream.range(0, 200).mapToObj(seed -> DynamicTest.dynamicTest("random bytes seed " + seed, () -> {
			Random random = new Random(seed);
			byte[] bytes = new byte[random.nextInt(5000)];
			random.nextBytes(bytes);
			analyseWithinBounds(bytes);
		}));
	}

	@TestFactory
	Stream<DynamicTest> headerSoupIsAnalysedOrRefused() {
		return IntStream.range(0, 200).mapToObj(seed -> DynamicTest.dynamicTest("header soup seed " + seed, () -> {
			Random random = new Random(seed);
			StringBuilder mail = new StringBuilder();
			for (int i = 0; i < random.nextInt(30); i++) {
				mail.append(HEADER_NAMES[random.nextInt(HEADER_NAMES.length)]).append(": ");
				mail.append(random.nextBoolean() ? HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)]
						: randomText(random, random.nextInt(200)));
				mail.append(random.nextInt(10) == 0 ? "\n" : "\r\n");
			}
			mail.append("\r\n--\r\nbody ① 請求\r\n");
			analyseWithinBounds(mail.toString().getBytes(StandardCharsets.UTF_8));
		}));
	}

	/**
	 * Text crafted to be worst-case for a pattern: each took seconds to minutes of CPU
	 * when names were trimmed with {@code replaceAll("[.\\s]+$", "")} (x + 40,000 dots +
	 * y: 33.5 s), URLs one character at a time, and addresses found with a regular
	 * expression tried at every position.
	 */
	@TestFactory
	Stream<DynamicTest> textCraftedAgainstEachPatternIsReadInLinearTime() {
		String dots = ".".repeat(40_000);
		Map<String, TestMail> cases = new LinkedHashMap<>();
		cases.put("attachment name of 40,000 dots",
				TestMail.from("a@example.top")
					.text("x")
					.attach("x" + dots + "y", "application/octet-stream", new byte[] { 1 }));
		cases.put("attachment name of 40,000 spaces before .exe",
				TestMail.from("a@example.top")
					.text("x")
					.attach("a.pdf" + " ".repeat(40_000) + "b.exe", "application/octet-stream", new byte[] { 1 }));
		cases.put("ZIP entry name of 40,000 dots",
				TestMail.from("a@example.top")
					.text("x")
					.attach("a.zip", "application/zip", TestMail.zip("x" + dots + "y", "z")));
		cases.put("URL ending in 300,000 dots",
				TestMail.from("a@example.top").text("see http://a.example/" + ".".repeat(300_000) + " now"));
		cases.put("display name of 200,000 address characters",
				TestMail.from("\"" + "a".repeat(200_000) + "\" <a@example.top>").text("x"));
		cases.put("quoted lines of address characters", TestMail.from("a@example.top")
			.received(
					"from a.example (a.example [192.0.2.1]) by mx1.kitamura-seiki.co.jp; Wed, 16 Nov 2022 10:15:01 +0900")
			.text("-----Original Message-----\n> " + "a".repeat(1_000_000) + "\n" + "> @".repeat(200_000)));
		cases.put("Received header of 100,000 opening brackets", TestMail.from("a@example.top")
			.received("from (" + "a.".repeat(50_000) + " (" + "(".repeat(100_000) + " by mx1.kitamura-seiki.co.jp")
			.text("x"));
		return cases.entrySet()
			.stream()
			.map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> analyseWithinBounds(entry.getValue().bytes())));
	}

	@org.junit.jupiter.api.Test
	void aCutAttachmentNameKeepsItsFlagsAndSaysSo() {
		MailAnalysis analysis = this.analyzer.analyze(TestMail.from("a@example.top")
			.text("x")
			.attach("請求書.pdf" + ".".repeat(40_000) + ".exe", "application/octet-stream", new byte[] { 1 })
			.bytes(), SampleContexts.kitamura());
		MailAnalysis.Attachment attachment = analysis.attachments().get(0);
		assertThat(attachment.filename()).hasSizeLessThanOrEqualTo(255).startsWith("請求書.pdf").endsWith(".exe");
		assertThat(attachment.flags()).contains(IndicatorCode.EXECUTABLE, IndicatorCode.DOUBLE_EXTENSION);
		assertThat(analysis.warnings()).anySatisfy(warning -> assertThat(warning).contains("name longer than 255"));
	}

	private void analyseWithinBounds(byte[] mail) {
		long started = System.nanoTime();
		assertThatCode(() -> {
			try {
				MailAnalysis analysis = this.analyzer.analyze(mail, SampleContexts.kitamura());
				assertThat(analysis.verdict()).isNotNull();
				assertThat(analysis.sha256()).hasSize(64);
			}
			catch (NotMailException expected) {
				assertThat(expected.reason().ja()).isNotBlank();
				assertThat(expected.reason().en()).isNotBlank();
			}
		}).doesNotThrowAnyException();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PER_MAIL);
	}

	private static byte[] mutate(byte[] original, Random random) {
		byte[] mail = Arrays.copyOf(original, original.length);
		switch (random.nextInt(4)) {
			case 0 -> mail = Arrays.copyOf(mail, random.nextInt(mail.length + 1));
			case 1 -> {
				for (int i = 0; i < 1 + random.nextInt(50); i++) {
					mail[random.nextInt(mail.length)] = (byte) random.nextInt(256);
				}
			}
			case 2 -> {
				int from = random.nextInt(mail.length);
				int to = random.nextInt(mail.length);
				int length = Math.min(random.nextInt(2000), Math.min(mail.length - from, mail.length - to));
				System.arraycopy(original, from, mail, to, length);
			}
			default -> {
				String text = new String(mail, StandardCharsets.ISO_8859_1);
				text = text.replace("\r\n\r\n", random.nextBoolean() ? "\r\n" : "\r\n\r\n\r\n--\r\n")
					.replace("boundary=", random.nextBoolean() ? "boundary=\"" : "boundary");
				mail = text.getBytes(StandardCharsets.ISO_8859_1);
			}
		}
		return mail;
	}

	private static String randomText(Random random, int length) {
		List<Integer> codePoints = new ArrayList<>();
		for (int i = 0; i < length; i++) {
			codePoints.add(switch (random.nextInt(4)) {
				case 0 -> 0x20 + random.nextInt(0x5F);
				case 1 -> 0x3040 + random.nextInt(0x60);
				case 2 -> 0x4E00 + random.nextInt(0x5000);
				default -> random.nextInt(0x20);
			});
		}
		StringBuilder text = new StringBuilder();
		codePoints.forEach(text::appendCodePoint);
		return text.toString();
	}

}
