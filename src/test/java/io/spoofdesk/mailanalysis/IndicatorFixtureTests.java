package io.spoofdesk.mailanalysis;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every indicator code, raised by a mail built for it and not raised by the same mail
 * without the trait. The project's own fixtures: they pass on any clone.
 */
class IndicatorFixtureTests {

	private static final Set<IndicatorCode> SEEN = EnumSet.noneOf(IndicatorCode.class);

	private final MailAnalyzer analyzer = new MailAnalyzer();

	private static final String PARTNER_RECEIVED = "from mail.aoba-trading.co.jp (mail.aoba-trading.co.jp [192.0.2.10]) "
			+ "by mx1.kitamura-seiki.co.jp with ESMTPS; Wed, 16 Nov 2022 10:15:01 +0900";

	/** A plain, harmless mail from our partner's contact, during working hours. */
	private TestMail benign() {
		return TestMail.from(TestMail.encodedWord("鈴木 一郎") + " <suzuki@aoba-trading.co.jp>")
			.header("Return-Path", "<suzuki@aoba-trading.co.jp>")
			.received(PARTNER_RECEIVED)
			.authenticationResults("mx1.kitamura-seiki.co.jp; spf=pass smtp.mailfrom=aoba-trading.co.jp; "
					+ "dkim=pass header.d=aoba-trading.co.jp; dmarc=pass header.from=aoba-trading.co.jp")
			.text("いつもお世話になっております。納品書を送付します。");
	}

	@Test
	void aBenignMailFromAPartnerHasNoIndicators() {
		MailAnalysis analysis = analyse(benign());
		assertThat(analysis.indicators()).isEmpty();
		assertThat(analysis.verdict()).isEqualTo(MailAnalysis.Verdict.NO_INDICATORS);
	}

	@Test
	void displayNameNamingAPartnerContactFromAnotherDomain() {
		assertThat(
				codes(benign().header("From", TestMail.encodedWord("鈴木一郎") + " <suzuki.aoba@mail.example-cheap.ru>")))
			.contains(IndicatorCode.DISPLAY_NAME_IMPERSONATION);
	}

	@Test
	void displayNameNamingOurCompanyOrStaffFromAnotherDomain() {
		assertThat(codes(benign().header("From", TestMail.encodedWord("北村精機㈱ 営業部") + " <x@example.top>")))
			.contains(IndicatorCode.DISPLAY_NAME_IMPERSONATION);
		assertThat(codes(benign().header("From", TestMail.encodedWord("佐藤花子") + " <x@example.top>")))
			.contains(IndicatorCode.DISPLAY_NAME_IMPERSONATION);
		assertThat(codes(benign().header("From", TestMail.encodedWord("佐藤花子") + " <sato@kitamura-seiki.co.jp>")))
			.doesNotContain(IndicatorCode.DISPLAY_NAME_IMPERSONATION);
	}

	@Test
	void displayNameContainingAnotherAddress() {
		assertThat(codes(benign().header("From", "\"suzuki@aoba-trading.co.jp\" <info@example-cheap.ru>")))
			.contains(IndicatorCode.DISPLAY_NAME_IMPERSONATION);
		assertThat(codes(benign().header("From", "\"suzuki@aoba-trading.co.jp\" <suzuki@aoba-trading.co.jp>")))
			.doesNotContain(IndicatorCode.DISPLAY_NAME_IMPERSONATION);
	}

	@Test
	void lookalikeDomains() {
		assertThat(codes(benign().header("From", "suzuki@aoba-tradlng.co.jp")))
			.contains(IndicatorCode.LOOKALIKE_DOMAIN);
		assertThat(codes(benign().header("From", "suzuki@aoba-tradimg.co.jp")))
			.contains(IndicatorCode.LOOKALIKE_DOMAIN);
		assertThat(codes(benign().header("From", "info@kitamura-seikl.co.jp")))
			.contains(IndicatorCode.LOOKALIKE_DOMAIN);
		assertThat(codes(benign().header("From", "info@kitamura-seiki.co.jp.example.ru")))
			.contains(IndicatorCode.LOOKALIKE_DOMAIN);
		assertThat(codes(benign().header("From", "info@example.com"))).doesNotContain(IndicatorCode.LOOKALIKE_DOMAIN);
		assertThat(codes(benign().header("From", "suzuki@mail.aoba-trading.co.jp")))
			.doesNotContain(IndicatorCode.LOOKALIKE_DOMAIN);
	}

	@Test
	void encryptedArchiveAndPasswordInTheBody() {
		MailAnalysis analysis = analyse(benign().text("添付ファイルのパスワードは Xq82Lm です。\nパスワード: Xq82Lm")
			.attach("見積書.zip", "application/zip", TestMail.encryptedZip("mitsumori.pdf")));
		assertThat(codesOf(analysis)).contains(IndicatorCode.ENCRYPTED_ARCHIVE, IndicatorCode.PASSWORD_IN_BODY);
		assertThat(analysis.attachments().get(0).filename()).isEqualTo("見積書.zip");
		assertThat(analysis.attachments().get(0).entries()).containsExactly("mitsumori.pdf");
		assertThat(codes(benign().text("パスワードを変更しました。"))).doesNotContain(IndicatorCode.PASSWORD_IN_BODY);
	}

	@Test
	void macroDocumentsByNameAndByContent() {
		assertThat(codes(benign().attach("請求書.xlsm", "application/octet-stream", new byte[] { 1, 2, 3 })))
			.contains(IndicatorCode.MACRO_DOCUMENT);
		byte[] docxWithMacros = TestMail.zip("[Content_Types].xml", "<Types/>", "word/vbaProject.bin", "VBA");
		assertThat(codes(benign().attach("請求書.docx", "application/octet-stream", docxWithMacros)))
			.contains(IndicatorCode.MACRO_DOCUMENT);
		byte[] plainDocx = TestMail.zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w/>");
		assertThat(codes(benign().attach("請求書.docx", "application/octet-stream", plainDocx))).isEmpty();
	}

	@Test
	void shortcutsDiskImagesExecutablesAndDoubleExtensions() {
		assertThat(codes(benign().attach("発注書.zip", "application/zip", TestMail.zip("hacchusho.pdf.lnk", "L"))))
			.contains(IndicatorCode.SHORTCUT_FILE, IndicatorCode.DOUBLE_EXTENSION);
		assertThat(codes(benign().attach("invoice.iso", "application/octet-stream", new byte[10])))
			.contains(IndicatorCode.DISK_IMAGE);
		assertThat(codes(benign().attach("update.bin", "application/octet-stream",
				"MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1))))
			.contains(IndicatorCode.EXECUTABLE);
		assertThat(codes(benign().attach("請求書\u202Efdp.exe", "application/octet-stream", new byte[4])))
			.contains(IndicatorCode.DOUBLE_EXTENSION, IndicatorCode.EXECUTABLE);
		assertThat(codes(
				benign().attach("report.2022.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))))
			.isEmpty();
	}

	@Test
	void archivesBeyondTheLimits() {
		MailAnalysis bomb = analyse(
				benign().attach("scan.zip", "application/zip", TestMail.zipOfZeros("report.txt", 4 * 1024 * 1024)));
		assertThat(codesOf(bomb)).contains(IndicatorCode.ARCHIVE_LIMIT_EXCEEDED);
		byte[] nested = TestMail.zipHolding("inner.zip", TestMail.zipHolding("deeper.zip", TestMail.zip("a.txt", "a")));
		assertThat(codes(benign().attach("outer.zip", "application/zip", nested)))
			.contains(IndicatorCode.ARCHIVE_LIMIT_EXCEEDED);
	}

	@Test
	void aTruncatedArchiveListsWhatItCouldAndSaysWhereItStopped() {
		StringBuilder noise = new StringBuilder();
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 20_000; i++) {
			noise.append((char) ('a' + random.nextInt(26)));
		}
		byte[] whole = TestMail.zip("請求書.txt", "x", "請求書.exe", noise.toString(), "c.txt", "c");
		byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

		MailAnalysis analysis = analyse(benign().attach("invoice.zip", "application/zip", truncated));

		assertThat(codesOf(analysis)).as("the entry read before the damage still counts")
			.contains(IndicatorCode.EXECUTABLE);
		assertThat(analysis.warnings())
			.anySatisfy(warning -> assertThat(warning).contains("invoice.zip", "could be read only up to the damage"));
	}

	@Test
	void authenticationFailuresCountOnlyFromTheTrustedHeader() {
		TestMail failing = benign().authenticationResults("mx1.kitamura-seiki.co.jp; spf=fail smtp.mailfrom=x; "
				+ "dkim=fail header.d=aoba-trading.co.jp; dmarc=fail header.from=aoba-trading.co.jp");
		assertThat(codes(failing)).contains(IndicatorCode.SPF_FAIL, IndicatorCode.DKIM_FAIL, IndicatorCode.DMARC_FAIL);

		// The sender wrote a passing result under our server's name below the real one.
		TestMail forged = TestMail.from("suzuki@aoba-trading.co.jp")
			.authenticationResults("mx1.kitamura-seiki.co.jp; spf=pass; dkim=pass; dmarc=pass")
			.received(PARTNER_RECEIVED)
			.authenticationResults("mx1.kitamura-seiki.co.jp; spf=fail; dkim=none; dmarc=fail")
			.text("x");
		MailAnalysis analysis = analyse(forged);
		assertThat(analysis.authentication().dmarc()).isEqualTo("fail");
		assertThat(analysis.authentication().unverified()).hasSize(1);
		assertThat(codesOf(analysis)).contains(IndicatorCode.DMARC_FAIL);
	}

	@Test
	void envelopeAndReplyToOfAnotherOrganisation() {
		assertThat(codes(benign().header("Return-Path", "<bounce@mail.example-cheap.ru>")))
			.contains(IndicatorCode.ENVELOPE_MISMATCH);
		assertThat(codes(benign().header("Return-Path", "<bounce@mail.aoba-trading.co.jp>")))
			.doesNotContain(IndicatorCode.ENVELOPE_MISMATCH);
		assertThat(codes(benign().header("Reply-To", "reply@cdn-upd.example.top")))
			.contains(IndicatorCode.REPLY_TO_MISMATCH);
	}

	@Test
	void activeHtmlAndUrls() {
		MailAnalysis analysis = analyse(benign().text(null)
			.html("<p>請求書は<a href=\"https://cdn-upd.example.top/inv?id=1&amp;u=2\">こちら</a></p>"
					+ "<img src=x onerror=alert(1)><script>alert(2)</script>"));
		assertThat(codesOf(analysis)).contains(IndicatorCode.HTML_ACTIVE_CONTENT, IndicatorCode.URL_PRESENT);
		assertThat(analysis.urls()).containsExactly("https://cdn-upd.example.top/inv?id=1&u=2");
		assertThat(analysis.textBody()).contains("請求書はこちら").doesNotContain("alert");
	}

	@Test
	void replyChainsAndOffHours() {
		assertThat(codes(benign().subject("Re: 【見積】御見積書の件"))).contains(IndicatorCode.REPLY_CHAIN);
		assertThat(codes(benign().text("ご確認ください。\n\n-----Original Message-----\nFrom: eigyo@kitamura-seiki.co.jp")))
			.contains(IndicatorCode.REPLY_CHAIN);
		MailAnalysis night = analyse(
				TestMail.from("suzuki@aoba-trading.co.jp").header("Date", "Sat, 19 Nov 2022 10:00:00 +0900").text("x"));
		assertThat(codesOf(night)).contains(IndicatorCode.OFF_HOURS);
		assertThat(night.verdict()).as("LOW alone is never suspicious").isEqualTo(MailAnalysis.Verdict.NO_INDICATORS);
	}

	@AfterAll
	static void everyCodeWasRaisedByAFixture() {
		assertThat(SEEN).containsExactlyInAnyOrder(IndicatorCode.values());
	}

	private MailAnalysis analyse(TestMail mail) {
		MailAnalysis analysis = this.analyzer.analyze(mail.bytes(), SampleContexts.kitamura());
		SEEN.addAll(codesOf(analysis));
		return analysis;
	}

	private Set<IndicatorCode> codes(TestMail mail) {
		return codesOf(analyse(mail));
	}

	private static Set<IndicatorCode> codesOf(MailAnalysis analysis) {
		return analysis.indicators().stream().map(MailAnalysis.Indicator::code).collect(Collectors.toSet());
	}

}
