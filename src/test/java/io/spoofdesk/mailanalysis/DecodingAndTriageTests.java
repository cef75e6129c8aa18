package io.spoofdesk.mailanalysis;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Japanese charsets, encoded words and RFC 2231 names; what is refused as not mail; the
 * forward unwrapped; and the "us or them?" triage hint.
 */
class DecodingAndTriageTests {

	private static final Charset ISO_2022_JP = Charset.forName("x-windows-iso2022jp");

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private final MailAnalyzer analyzer = new MailAnalyzer();

	private MailAnalysis analyse(byte[] raw) {
		return this.analyzer.analyze(raw, SampleContexts.kitamura());
	}

	private static String word(String charsetLabel, Charset charset, String text) {
		return "=?" + charsetLabel + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(charset)) + "?=";
	}

	@Test
	void iso2022jpHeadersBodiesAndFileNamesWithNecCharacters() {
		String raw = "From: " + word("ISO-2022-JP", ISO_2022_JP, "①総務部 ㈱北村") + " <soumu@example.top>\r\n" + "Subject: "
				+ word("iso-2022-jp", ISO_2022_JP, "㈱よりお知らせ①") + "\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
				+ "Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
				+ new String("①ご確認ください㈱".getBytes(ISO_2022_JP), StandardCharsets.ISO_8859_1) + "\r\n--b\r\n"
				+ "Content-Type: application/octet-stream\r\nContent-Disposition: attachment;\r\n"
				+ " filename*=iso-2022-jp''" + percent("請求書①.pdf", ISO_2022_JP) + "\r\n\r\nAAAA\r\n--b--\r\n";
		MailAnalysis analysis = analyse(raw.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(analysis.from().display()).isEqualTo("①総務部 ㈱北村");
		assertThat(analysis.subject()).isEqualTo("㈱よりお知らせ①");
		assertThat(analysis.textBody()).isEqualTo("①ご確認ください㈱");
		assertThat(analysis.attachments()).extracting(MailAnalysis.Attachment::filename).containsExactly("請求書①.pdf");
	}

	@Test
	void shiftJisAndEucJpBodiesAndAnUnknownCharset() {
		assertThat(body("Shift_JIS", "①新型コロナ㈱".getBytes(WINDOWS_31J))).isEqualTo("①新型コロナ㈱");
		assertThat(body("EUC-JP", "振込先口座が変更".getBytes(Charset.forName("EUC-JP")))).isEqualTo("振込先口座が変更");
		MailAnalysis unknown = analyse(mailWithBody("x-no-such-charset", "請求書".getBytes(StandardCharsets.UTF_8)));
		assertThat(unknown.textBody()).isEqualTo("請求書");
		assertThat(unknown.warnings()).anyMatch(warning -> warning.contains("unknown charset"));
	}

	private String body(String charset, byte[] bytes) {
		return analyse(mailWithBody(charset, bytes)).textBody();
	}

	private static byte[] mailWithBody(String charset, byte[] body) {
		String raw = "From: a@example.top\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="
				+ charset + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ Base64.getMimeEncoder().encodeToString(body) + "\r\n";
		return raw.getBytes(StandardCharsets.US_ASCII);
	}

	private static String percent(String text, Charset charset) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(charset)) {
			encoded.append('%').append(String.format("%02X", b & 0xFF));
		}
		return encoded.toString();
	}

	@Test
	void emptyBinaryHeaderlessAndOversizedInputIsRefused() {
		assertThatThrownBy(() -> analyse(new byte[0])).isInstanceOfSatisfying(NotMailException.class,
				ex -> assertThat(ex.kind()).isEqualTo(NotMailException.Kind.EMPTY));
		assertThatThrownBy(() -> analyse("\r\n \r\n".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(NotMailException.class);
		assertThatThrownBy(() -> analyse(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0 })).isInstanceOfSatisfying(
				NotMailException.class, ex -> assertThat(ex.kind()).isEqualTo(NotMailException.Kind.NOT_MAIL));
		assertThatThrownBy(() -> analyse("Dear team,\nplease see below.\n".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(NotMailException.class);
		AnalysisContext small = new AnalysisContext(SampleContexts.KITAMURA, SampleContexts.AOBA,
				AnalysisLimits.withMaxMailBytes(100));
		assertThatThrownBy(
				() -> this.analyzer.analyze(TestMail.from("a@example.top").text("x".repeat(200)).bytes(), small))
			.isInstanceOfSatisfying(NotMailException.class,
					ex -> assertThat(ex.kind()).isEqualTo(NotMailException.Kind.TOO_LARGE));
	}

	@Test
	void aForwardIsUnwrappedAndTheForwarderKept() {
		byte[] inner = TestMail.from("\"北村精機 営業部\" <eigyo@cdn-upd.example.top>")
			.received("from cdn-upd.example.top (cdn-upd.example.top [203.0.113.77]) by mx.aoba-trading.co.jp "
					+ "with ESMTP; Thu, 24 Nov 2022 13:41:00 +0900")
			.subject("Re: 打ち合わせ")
			.text("添付をご確認ください。")
			.bytes();
		String outer = "From: suzuki@aoba-trading.co.jp\r\nTo: helpdesk@kitamura-seiki.co.jp\r\nSubject: FW: test\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\n"
				+ "Content-Type: text/plain; charset=us-ascii\r\n\r\nforwarding a strange mail\r\n--o\r\n"
				+ "Content-Type: message/rfc822\r\n\r\n" + new String(inner, StandardCharsets.UTF_8) + "\r\n--o--\r\n";
		MailAnalysis analysis = analyse(outer.getBytes(StandardCharsets.UTF_8));
		assertThat(analysis.forwardedBy().address()).isEqualTo("suzuki@aoba-trading.co.jp");
		assertThat(analysis.from().address()).isEqualTo("eigyo@cdn-upd.example.top");
		assertThat(analysis.subject()).isEqualTo("Re: 打ち合わせ");
		assertThat(analysis.triage().hint()).isEqualTo(MailAnalysis.TriageHint.OUR_NAME_FORGED);
	}

	@Test
	void mailLeavingOurOwnServersWithOurDomainAuthenticatedPointsAtAnInfection() {
		byte[] mail = TestMail.from("eigyo@kitamura-seiki.co.jp")
			.received("from smtp.kitamura-seiki.co.jp (smtp.kitamura-seiki.co.jp [203.0.113.201]) "
					+ "by mx.aoba-trading.co.jp with ESMTPS; Wed, 16 Nov 2022 10:15:01 +0900")
			.authenticationResults("mx.aoba-trading.co.jp; spf=pass smtp.mailfrom=kitamura-seiki.co.jp; "
					+ "dkim=pass header.d=kitamura-seiki.co.jp; dmarc=pass header.from=kitamura-seiki.co.jp")
			.text("請求書を送付します。")
			.bytes();
		MailAnalysis analysis = analyse(mail);
		assertThat(analysis.triage().hint()).isEqualTo(MailAnalysis.TriageHint.OUR_SYSTEMS_LIKELY_INFECTED);
		assertThat(analysis.triage().evidence()).isNotEmpty();
	}

	@Test
	void ourAddressSentFromElsewhereIsOurNameForged() {
		byte[] mail = TestMail.from("eigyo@kitamura-seiki.co.jp")
			.received("from mail.example-cheap.ru (mail.example-cheap.ru [198.51.100.23]) "
					+ "by mx.aoba-trading.co.jp with ESMTPS; Wed, 16 Nov 2022 10:15:01 +0900")
			// a line the sender wrote itself, below the partner's server: not trusted
			.header("Received", "from smtp.kitamura-seiki.co.jp ([203.0.113.201]) by smtp.kitamura-seiki.co.jp")
			.authenticationResults("mx.aoba-trading.co.jp; spf=fail; dkim=none; dmarc=fail")
			.text("x")
			.bytes();
		MailAnalysis analysis = analyse(mail);
		assertThat(analysis.triage().hint()).isEqualTo(MailAnalysis.TriageHint.OUR_NAME_FORGED);
		assertThat(analysis.received()).extracting(MailAnalysis.Hop::trusted).containsExactly(true, false);
	}

	@Test
	void withoutAReceivedPathTheHintIsInconclusive() {
		MailAnalysis analysis = analyse(TestMail.from("eigyo@kitamura-seiki.co.jp").text("x").bytes());
		assertThat(analysis.triage().hint()).isEqualTo(MailAnalysis.TriageHint.INCONCLUSIVE);
	}

	@Test
	void sendersAreReadAsMailClientsShowThem() {
		MailAnalysis quotedOnly = analyse(TestMail.from("\"streaming@netflix.de\"").text("x").bytes());
		assertThat(quotedOnly.from().address()).isEqualTo("streaming@netflix.de");

		MailAnalysis unclosed = analyse(
				TestMail.from("Netflix Support <support@netflix-billing.example").text("x").bytes());
		assertThat(unclosed.from().address()).isEqualTo("support@netflix-billing.example");
		assertThat(unclosed.from().display()).isEqualTo("Netflix Support");

		MailAnalysis inWord = analyse(TestMail.from("a@example.top")
			.header("Subject", "Last opportunit=?UTF-8?B?w6k=?= to renew")
			.text("x")
			.bytes());
		assertThat(inWord.subject()).isEqualTo("Last opportunité to renew");

		MailAnalysis absent = analyse(TestMail.from("a@example.top")
			.header("Reply-To", "\"\"")
			.header("Return-Path", "<>")
			.text("x")
			.bytes());
		assertThat(absent.replyTo()).as("no address is null, not \"\"").isNull();
		assertThat(absent.returnPath()).isNull();
	}

	@Test
	void urlsAreDefangedForDisplay() {
		assertThat(Urls.defang("https://cdn-upd.example.top/inv?id=1"))
			.isEqualTo("hxxps://cdn-upd[.]example[.]top/inv?id=1");
	}

}
