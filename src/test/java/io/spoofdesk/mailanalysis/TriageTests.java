package io.spoofdesk.mailanalysis;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.spoofdesk.mailanalysis.MailAnalysis.TriageHint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Whose mailbox leaked?" (DESIGN.md, Triage): each hint from the mail shape that earns
 * it, the quoted-mail shapes of Japanese and English clients, and words a hint never
 * uses.
 */
class TriageTests {

	private static final String FROM_BRAZIL = "from mx-srv41.example-hosting.br (mx-srv41.example-hosting.br [203.0.113.45]) "
			+ "by mx1.kitamura-seiki.co.jp with ESMTPS; Tue, 15 Nov 2022 23:41:01 +0900";

	private static final String OUR_MX_AUTH_NONE = "mx1.kitamura-seiki.co.jp; spf=pass smtp.mailfrom=example-hosting.br; dkim=none; dmarc=none";

	private final MailAnalyzer analyzer = new MailAnalyzer();

	private MailAnalysis.Triage triage(TestMail mail) {
		return this.analyzer.analyze(mail.bytes(), SampleContexts.kitamura()).triage();
	}

	private static TestMail fromElsewhere(String from, String text) {
		return TestMail.from(from).received(FROM_BRAZIL).authenticationResults(OUR_MX_AUTH_NONE).text(text);
	}

	@Test
	void aMailFromElsewhereQuotingOurOwnEarlierMailIsAStolenConversation() {
		MailAnalysis.Triage triage = triage(fromElsewhere("\"鈴木 一郎\" <xxq82lm@mx-srv41.example-hosting.br>",
				"御見積書を添付いたします。\n\n-----Original Message-----\nFrom: eigyo@kitamura-seiki.co.jp\n"
						+ "Sent: 2022/10/03\n> 先日はありがとうございました。"));
		assertThat(triage.hint()).isEqualTo(TriageHint.CONVERSATION_STOLEN);
		assertThat(triage.evidence())
			.anySatisfy(line -> assertThat(line.ja()).contains("From: eigyo@kitamura-seiki.co.jp"));
		assertThat(triage.summary().en()).contains("ours or the correspondent's");
	}

	@ParameterizedTest
	@ValueSource(strings = { "----- 元のメッセージ -----\n差出人: 佐藤 花子\n件名: 見積",
			"差出人: sato@kitamura-seiki.co.jp\n送信日時: 2022年10月3日", "送信者: 北村精機株式会社 佐藤\n宛先: suzuki@aoba-trading.co.jp",
			"On Mon, 3 Oct 2022 at 10:00, Sato <sato@kitamura-seiki.co.jp> wrote:\n> thanks",
			"2022年10月3日(月) 10:00 佐藤 花子 <sato@kitamura-seiki.co.jp>:\n> よろしくお願いします", "> 北村精機株式会社\n> 佐藤 花子",
			"________________________________\nFrom: Sato Hanako\nTo: x@example.top\n佐藤 花子" })
	void quotedMailInTheShapesOfJapaneseAndEnglishClientsIsRecognised(String quote) {
		MailAnalysis.Triage triage = triage(
				fromElsewhere("\"鈴木 一郎\" <xxq82lm@mx-srv41.example-hosting.br>", "ご確認ください。\n\n" + quote));
		assertThat(triage.hint()).isEqualTo(TriageHint.CONVERSATION_STOLEN);
	}

	@Test
	void ourNameInTheTextButNotInAQuoteIsNoStolenConversation() {
		MailAnalysis.Triage triage = triage(fromElsewhere("\"鈴木 一郎\" <xxq82lm@mx-srv41.example-hosting.br>",
				"北村精機株式会社\n佐藤 花子 様\n\n日時: 10月3日 北村精機 本社にて\n添付をご確認ください。"));
		assertThat(triage.hint()).isNotEqualTo(TriageHint.CONVERSATION_STOLEN);
	}

	@Test
	void aGenuineReplyFromAPartnersOwnAuthenticatedServersIsNotAStolenConversation() {
		MailAnalysis.Triage triage = triage(TestMail.from("鈴木 一郎 <suzuki@aoba-trading.co.jp>")
			.received("from mail.aoba-trading.co.jp (mail.aoba-trading.co.jp [192.0.2.10]) by mx1.kitamura-seiki.co.jp "
					+ "with ESMTPS; Wed, 23 Nov 2022 22:41:01 +0900")
			.authenticationResults("mx1.kitamura-seiki.co.jp; spf=pass smtp.mailfrom=aoba-trading.co.jp; "
					+ "dkim=pass header.d=aoba-trading.co.jp; dmarc=pass header.from=aoba-trading.co.jp")
			.text("承知しました。\n\n-----Original Message-----\nFrom: sato@kitamura-seiki.co.jp\n> 見積の件"));
		assertThat(triage.hint()).isEqualTo(TriageHint.NOT_ABOUT_US);
	}

	@Test
	void ourCompanyShownFromElsewhereWithNothingQuotedIsOurNameForgedAndTheScanStays() {
		MailAnalysis.Triage triage = triage(
				fromElsewhere("\"北村精機株式会社 営業部\" <suzukixq@cdn-upd.example.top>", "日程の件、添付をご確認ください。"));
		assertThat(triage.hint()).isEqualTo(TriageHint.OUR_NAME_FORGED);
		assertThat(triage.summary().en()).contains("precaution");
	}

	@Test
	void ourAddressInTheDisplayNameIsOurNameForged() {
		MailAnalysis.Triage triage = triage(
				fromElsewhere("\"sato@kitamura-seiki.co.jp\" <x@mail.example-cheap.ru>", "x"));
		assertThat(triage.hint()).isEqualTo(TriageHint.OUR_NAME_FORGED);
	}

	@Test
	void aPartnerContactShownFromElsewhereWithASuspiciousSignIsAPartnerImpersonated() {
		MailAnalysis.Triage triage = triage(fromElsewhere("鈴木 一郎 <suzuki.aoba@mail.example-cheap.ru>", "請求書です。")
			.attach("請求書.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12", new byte[] { 1, 2, 3 }));
		assertThat(triage.hint()).isEqualTo(TriageHint.PARTNER_IMPERSONATED);
	}

	@Test
	void aPartnersAddressWithoutAnySuspiciousSignIsNotAboutUs() {
		MailAnalysis.Triage triage = triage(fromElsewhere("suzuki@aoba-trading.co.jp", "お世話になっております。"));
		assertThat(triage.hint()).isEqualTo(TriageHint.NOT_ABOUT_US);
		assertThat(triage.evidence()).anySatisfy(line -> assertThat(line.en()).contains("partner's domain"));
	}

	@Test
	void aQuoteNamingUsWithoutATrustedRouteIsInconclusive() {
		MailAnalysis.Triage triage = triage(TestMail.from("x@example.top").text("> From: eigyo@kitamura-seiki.co.jp"));
		assertThat(triage.hint()).isEqualTo(TriageHint.INCONCLUSIVE);
		assertThat(triage.evidence()).anySatisfy(line -> assertThat(line.en()).contains("quotes an earlier mail"));
	}

	@Test
	void ourDomainAuthenticatedThroughOurServersIsOurSystemsEvenWhenItQuotesUs() {
		MailAnalysis.Triage triage = triage(TestMail.from("eigyo@kitamura-seiki.co.jp")
			.received("from smtp.kitamura-seiki.co.jp (smtp.kitamura-seiki.co.jp [203.0.113.201]) "
					+ "by mx.aoba-trading.co.jp with ESMTPS; Wed, 16 Nov 2022 10:15:01 +0900")
			.authenticationResults("mx.aoba-trading.co.jp; spf=pass smtp.mailfrom=kitamura-seiki.co.jp; "
					+ "dkim=pass header.d=kitamura-seiki.co.jp; dmarc=pass header.from=kitamura-seiki.co.jp")
			.text("ご確認ください。\n> From: sato@kitamura-seiki.co.jp"));
		assertThat(triage.hint()).isEqualTo(TriageHint.OUR_SYSTEMS_LIKELY_INFECTED);
	}

	@Test
	void noHintEverSaysOnlyOrNotInfected() {
		List<TestMail> mails = List.of(
				fromElsewhere("\"北村精機\" <a@example.top>", "x"), fromElsewhere("a@example.top", "x"),
				TestMail.from("北村精機 <a@example.top>").text("x"), fromElsewhere("鈴木 一郎 <s@example.top>", "x")
					.attach("a.lnk", "application/octet-stream", new byte[] { 1 }),
				fromElsewhere("b@example.top", "> From: sato@kitamura-seiki.co.jp"));
		for (TestMail mail : mails) {
			MailAnalysis.Triage triage = triage(mail);
			assertThat(triage.summary().en()).doesNotContainIgnoringCase("only")
				.doesNotContainIgnoringCase("not infected");
			assertThat(triage.summary().ja()).doesNotContain("だけ", "のみ", "感染していない");
		}
	}

	@Test
	void aLongLineOfAddressCharactersIsReadInLinearTime() {
		String text = "> " + "a".repeat(2_000_000) + "\n> " + ".@".repeat(500_000);
		long start = System.nanoTime();
		assertThat(QuotedMail.namingUs(text, SampleContexts.KITAMURA)).isNull();
		assertThat(MailAddresses.addressesIn("x".repeat(1_000_000) + "@" + "y".repeat(1_000_000))).isEmpty();
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
	}

}
