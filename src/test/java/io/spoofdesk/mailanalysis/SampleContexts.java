package io.spoofdesk.mailanalysis;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The setup the sample mails assume (../shared/samples/README.md): our company 北村精機, its
 * receiving server, working hours 08:00–20:00 in Tokyo, and the partner 青葉トレーディング with
 * its contact 鈴木 一郎.
 */
final class SampleContexts {

	static final AnalysisContext.Us KITAMURA = new AnalysisContext.Us("北村精機株式会社", List.of("kitamura-seiki.co.jp"),
			List.of(new AnalysisContext.Staff("佐藤 花子", "sato@kitamura-seiki.co.jp")),
			List.of("mx1.kitamura-seiki.co.jp"), List.of("203.0.113.200/30", "smtp.kitamura-seiki.co.jp"),
			ZoneId.of("Asia/Tokyo"), LocalTime.of(8, 0), LocalTime.of(20, 0));

	static final PartyIndex AOBA = PartyIndex
		.of(List.of(new PartyIndex.KnownPartner("青葉トレーディング株式会社", List.of("aoba-trading.co.jp"), List.of("鈴木 一郎"))));

	private SampleContexts() {
	}

	static AnalysisContext kitamura() {
		return new AnalysisContext(KITAMURA, AOBA, AnalysisLimits.defaults());
	}

}
