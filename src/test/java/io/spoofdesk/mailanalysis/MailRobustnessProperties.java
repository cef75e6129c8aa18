package io.spoofdesk.mailanalysis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Hostile and broken input never makes the engine throw anything but
 * {@link NotMailException}, and never takes long: truncated, bit-flipped, spliced and
 * header-mangled variants of generated mail, and random bytes.
 */
class MailRobustnessProperties {

	private static final List<byte[]> SEEDS = List.of(MailCorpus.mail(new Random(1), 1),
			MailCorpus.mail(new Random(2), 2),
			TestMail.from("\"x\" <a@b.example>")
				.subject("Re: 請求書")
				.text("パスワード: abcd1234")
				.attach("a.zip", "application/zip", TestMail.encryptedZip("a.pdf.exe"))
				.bytes());

	private static final Duration PER_MAIL = Duration.ofSeconds(2);

	private final MailAnalyzer analyzer = new MailAnalyzer();

	@Property(tries = 300)
	void mutatedMailIsAnalysedOrRefused(@ForAll("mutations") byte[] mail) {
		analyseWithinBounds(mail);
	}

	@Property(tries = 200)
	void randomBytesAreAnalysedOrRefused(@ForAll @IntRange(min = 0, max = 5000) int size, @ForAll long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		analyseWithinBounds(bytes);
	}

	@Property(tries = 100)
	void headerSoupIsAnalysedOrRefused(@ForAll("headerSoup") String mail) {
		analyseWithinBounds(mail.getBytes(StandardCharsets.UTF_8));
	}

	private void analyseWithinBounds(byte[] mail) {
		long started = System.nanoTime();
		assertThatCode(() -> {
			try {
				MailAnalysis analysis = this.analyzer.analyze(mail, SampleContexts.kitamura());
				assertThat(analysis.verdict()).isNotNull();
			}
			catch (NotMailException expected) {
				assertThat(expected.reason().ja()).isNotBlank();
			}
		}).doesNotThrowAnyException();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PER_MAIL);
	}

	@Provide
	Arbitrary<byte[]> mutations() {
		return Arbitraries.of(SEEDS)
			.flatMap(seed -> Arbitraries.longs().map(random -> mutate(seed, new Random(random))));
	}

	private static byte[] mutate(byte[] seed, Random random) {
		byte[] mail = Arrays.copyOf(seed, seed.length);
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
				System.arraycopy(seed, from, mail, to, length);
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

	@Provide
	Arbitrary<String> headerSoup() {
		Arbitrary<String> names = Arbitraries.of("From", "To", "Subject", "Received", "Authentication-Results",
				"Content-Type", "Content-Disposition", "Reply-To", "Return-Path", "Date", "X-Junk");
		Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
				Arbitraries.of("=?iso-2022-jp?B?GyRCJDUbKEI=?=", "=?utf-8?Q?=E8=AB=8B=?=", "<>", "multipart/mixed",
						"multipart/mixed; boundary=", "attachment; filename*=utf-8''%E8%AB", "\"a\" <@>",
						"from x by y; not a date", "mx1.kitamura-seiki.co.jp; spf=", "message/rfc822"));
		return Arbitraries.lazy(() -> names.flatMap(name -> values.map(value -> name + ": " + value + "\r\n")))
			.list()
			.ofMaxSize(30)
			.map(lines -> String.join("", lines) + "\r\n--\r\nbody ① 請求\r\n");
	}

}
