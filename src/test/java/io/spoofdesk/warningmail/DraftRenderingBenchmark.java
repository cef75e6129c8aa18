package io.spoofdesk.warningmail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rendering 10,000 warning drafts (DESIGN.md service level: under 2 s): a Japanese
 * business template filled for 10,000 partners, subject and body, then each draft built
 * as a complete ISO-2022-JP message ({@code .eml}). Runs only when asked for
 * ({@code bench/draft-rendering.sh}); the numbers go to docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "draft-rendering")
class DraftRenderingBenchmark {

	static final String SUBJECT = "【注意喚起】{{ourCompany}}を装った不審なメールについて（{{incidentReference}}）";

	static final String BODY = """
			{{partnerCompany}}
			{{contactName}}

			平素より大変お世話になっております。{{ourCompany}}でございます。

			{{firstSeenDate}}頃より、弊社の社名や社員名をかたり、
			{{impersonatedAddresses}} などのアドレスを装った不審なメールが
			送信されていることを確認いたしました。
			確認されている件名：{{observedSubjects}}

			これらのメールには、ウイルスに感染させる添付ファイルやURLが含まれている
			おそれがございます。お手数ですが、添付ファイルやURLは開かずに、
			メールごと削除していただきますようお願い申し上げます。

			弊社からのメールかどうかは、表示名ではなく実際の送信元アドレスの
			ドメインでご確認ください。ご不明な点は下記までお問い合わせください。

			ご迷惑とご心配をおかけし、誠に申し訳ございません。

			{{ourCompany}} {{contactPerson}}
			電話：{{contactPhone}}　メール：{{contactEmail}}
			""";

	@Test
	void measure() {
		int count = Integer.getInteger("benchmark.drafts", 10_000);
		List<Map<String, String>> partners = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<String, String> values = new HashMap<>(Placeholders.samples("ja"));
			values.put(Placeholders.PARTNER_COMPANY, "取引先" + i + "株式会社");
			values.put(Placeholders.CONTACT_NAME, "担当者" + i + " 様");
			partners.add(values);
		}
		for (int round = 0; round < 3; round++) {
			renderAll(partners, round == 2);
		}
		long started = System.nanoTime();
		int chars = renderAll(partners, false);
		double renderSeconds = (System.nanoTime() - started) / 1e9;
		started = System.nanoTime();
		long bytes = renderAll(partners, true);
		double emlSeconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("templates: %d drafts rendered (subject + body, %d chars) in %.3f s%n", count, chars,
				renderSeconds);
		System.out.printf("eml: %d drafts rendered and built as ISO-2022-JP messages (%.1f MB) in %.3f s%n", count,
				bytes / 1e6, emlSeconds);
	}

	static int renderAll(List<Map<String, String>> partners, boolean eml) {
		TemplateText subject = TemplateText.parse(SUBJECT, Placeholders.ALL);
		TemplateText body = TemplateText.parse(BODY, Placeholders.ALL);
		int total = 0;
		int i = 0;
		for (Map<String, String> values : partners) {
			String renderedSubject = subject.render(values);
			String renderedBody = body.render(values);
			if (eml) {
				total += EmlWriter
					.eml(new EmlWriter.Mail(new EmlWriter.Address("soumu@kitamura-seiki.co.jp", "北村精機株式会社 総務部"),
							List.of(new EmlWriter.Address("tanto" + i++ + "@partner.example.jp",
									values.get(Placeholders.CONTACT_NAME))),
							List.of(), renderedSubject, renderedBody, java.time.ZonedDateTime.now(),
							"kitamura-seiki.co.jp")).length;
			}
			else {
				total += renderedSubject.length() + renderedBody.length();
			}
		}
		return total;
	}

}
