package io.spoofdesk.partner;

import java.util.List;

import io.spoofdesk.shared.DemoDataSeeder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Demo partners, including 青葉トレーディング of the sample mails. */
@Component
@ConditionalOnBooleanProperty("spoofdesk.demo-data.enabled")
class PartnerDemoData implements DemoDataSeeder {

	private static final List<PartnerCommand> PARTNERS = List.of(
			new PartnerCommand("青葉トレーディング株式会社", "あおばとれーでぃんぐ", "主要な仕入先。請求書は月末締め。", List.of("aoba-trading.co.jp"),
					List.of(new PartnerCommand.ContactCommand(null, "鈴木 一郎", "suzuki@aoba-trading.co.jp",
							"03-1234-5678", "営業部")),
					null),
			new PartnerCommand("株式会社みどり商事", "みどりしょうじ", null, List.of("midori-shoji.jp"),
					List.of(new PartnerCommand.ContactCommand(null, "高橋 次郎", "takahashi@midori-shoji.jp",
							"06-2345-6789", "購買課")),
					null),
			new PartnerCommand("Harbor Logistics Ltd.", null, "English-speaking forwarder.",
					List.of("harbor-logistics.com"), List.of(new PartnerCommand.ContactCommand(null, "Emily Carter",
							"e.carter@harbor-logistics.com", "+44 20 7946 0000", "Account manager")),
					null));

	private final PartnerDirectory directory;

	PartnerDemoData(PartnerDirectory directory) {
		this.directory = directory;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public void seed() {
		for (PartnerCommand partner : PARTNERS) {
			if (this.directory.search(partner.name(), 1).isEmpty()) {
				this.directory.create(partner);
			}
		}
	}

}
