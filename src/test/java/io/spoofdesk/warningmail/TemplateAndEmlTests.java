package io.spoofdesk.warningmail;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Templates are text and known placeholders only: they cannot run code, reach objects or
 * change their own syntax. Warning mails are built as proper messages: Japanese subjects
 * in encoded words, ISO-2022-JP where it fits, and no header smuggled in with CR/LF.
 */
class TemplateAndEmlTests {

	static final java.time.ZonedDateTime DATE = Instant.parse("2026-11-28T01:00:00Z")
		.atZone(java.time.ZoneId.of("Asia/Tokyo"));

	@Test
	void placeholdersAreFilledFromAFlatMapOfStrings() {
		TemplateText template = TemplateText.parse("{{partnerCompany}} {{ contactName }}\n{{ourCompany}}より",
				Placeholders.ALL);

		assertThat(template
			.render(Map.of("partnerCompany", "青葉トレーディング株式会社", "contactName", "佐藤 様", "ourCompany", "北村精機株式会社")))
			.isEqualTo("青葉トレーディング株式会社 佐藤 様\n北村精機株式会社より");
		assertThat(template.render(Map.of())).as("a missing value renders empty").isEqualTo(" \nより");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{{#partnerCompany}}x{{/partnerCompany}}", "{{^ourCompany}}x{{/ourCompany}}",
			"{{> header}}", "{{=<% %>=}}", "{{{partnerCompany}}}", "{{&partnerCompany}}", "{{! comment}}",
			"{{partnerCompany.class}}", "{{this}}", "{{getClass}}", "{{ourCompany", "{{.}}",
			"{{T(java.lang.Runtime).getRuntime()}}" })
	void anythingButTextAndKnownPlaceholdersIsRefused(String source) {
		assertThatExceptionOfType(TemplateText.TemplateProblems.class)
			.isThrownBy(() -> TemplateText.parse("前文 " + source + " 後文", Placeholders.ALL))
			.satisfies(problems -> assertThat(problems.problems()).isNotEmpty());
	}

	@Test
	void otherTemplateLanguagesSyntaxStaysLiteralText() {
		String hostile = "${T(java.lang.Runtime).getRuntime().exec('id')} [[${@environment}]] #{1+1} <%= 7*7 %>";

		assertThat(TemplateText.parse(hostile, Placeholders.ALL).render(Map.of())).isEqualTo(hostile);
	}

	@Test
	void aRefusalNamesEveryProblem() {
		assertThatExceptionOfType(TemplateText.TemplateProblems.class)
			.isThrownBy(() -> TemplateText.parse("{{partnerName}} {{#x}} {{ourCompany}}", Placeholders.ALL))
			.satisfies(problems -> assertThat(problems.problems()).containsExactly("unknown:partnerName", "syntax:#"));
	}

	EmlWriter.Mail mail(String subject, String fromName, String toName, String body) {
		return new EmlWriter.Mail(new EmlWriter.Address("soumu@kitamura-seiki.co.jp", fromName),
				List.of(new EmlWriter.Address("sato@aoba-trading.co.jp", toName)),
				List.of(new EmlWriter.Address("info@aoba-trading.co.jp", null)), subject, body, DATE,
				"kitamura-seiki.co.jp");
	}

	static MimeMessage parse(byte[] eml) throws Exception {
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
	}

	@Test
	void japaneseMailIsIso2022JpWithEncodedWordsADateAndOurMessageId() throws Exception {
		byte[] eml = EmlWriter.eml(mail("【注意喚起】弊社を装った不審なメールについて", "北村精機株式会社 総務部", "佐藤 様",
				"青葉トレーディング株式会社\n佐藤 様\n\n弊社を装ったメールが送信されていることを確認しました。"));
		String wire = new String(eml, java.nio.charset.StandardCharsets.US_ASCII);

		assertThat(wire).contains("Subject: =?ISO-2022-JP?B?", "Content-Type: text/plain; charset=ISO-2022-JP",
				"Content-Transfer-Encoding: 7bit", "Date: ", "Message-ID: <", "@kitamura-seiki.co.jp>",
				"MIME-Version: 1.0");
		for (byte b : eml) {
			assertThat(b).as("7-bit on the wire").isNotNegative();
		}
		MimeMessage parsed = parse(eml);
		assertThat(parsed.getSubject()).isEqualTo("【注意喚起】弊社を装った不審なメールについて");
		assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("北村精機株式会社 総務部");
		assertThat(((InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
			.isEqualTo("佐藤 様");
		assertThat(parsed.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("info@aoba-trading.co.jp");
		assertThat((String) parsed.getContent()).contains("弊社を装ったメールが送信されていることを確認しました。");
		assertThat(parsed.getSentDate().toInstant()).isEqualTo(DATE.toInstant());
		assertThat(parsed.getHeader("Date")[0]).as("in the company's time zone").endsWith("+0900");
		assertThat(parsed.getHeader("X-Unsent")).as("Outlook opens it as an unsent draft").containsExactly("1");
	}

	@Test
	void textIso2022JpCannotCarryGoesOutAsUtf8() throws Exception {
		MimeMessage parsed = parse(EmlWriter.eml(mail("①のお知らせ ㈱", "北村精機", "佐藤 様", "絵文字 😀 と ㈱")));

		assertThat(parsed.getContentType()).containsIgnoringCase("UTF-8");
		assertThat(parsed.getSubject()).isEqualTo("①のお知らせ ㈱");
		assertThat((String) parsed.getContent()).contains("😀", "㈱");
	}

	@ParameterizedTest
	@ValueSource(strings = { "請求書\r\nBcc: everyone@example.com", "請求書\nX-Injected: 1", "請求書\r" })
	void aSubjectWithCrOrLfCannotAddAHeader(String subject) {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> EmlWriter.eml(mail(subject, "北村精機", "佐藤 様", "本文")));
	}

	@Test
	void namesAndAddressesWithCrOrLfOrSeveralAddressesAreRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> EmlWriter.eml(mail("件名", "北村\r\nBcc: x@example.com", "佐藤", "本文")));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
				() -> EmlWriter.eml(new EmlWriter.Mail(new EmlWriter.Address("soumu@kitamura-seiki.co.jp", null),
						List.of(new EmlWriter.Address("a@example.com, b@example.com", null)), List.of(), "件名", "本文",
						DATE, "kitamura-seiki.co.jp")));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
				() -> EmlWriter.eml(new EmlWriter.Mail(new EmlWriter.Address("soumu@kitamura-seiki.co.jp", null),
						List.of(new EmlWriter.Address("Evil <a@example.com>", null)), List.of(), "件名", "本文", DATE,
						"kitamura-seiki.co.jp")));
	}

}
