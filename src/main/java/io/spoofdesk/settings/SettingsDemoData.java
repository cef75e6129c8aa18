package io.spoofdesk.settings;

import java.time.LocalTime;
import java.util.List;

import io.spoofdesk.shared.DemoDataSeeder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The demo company: 北村精機株式会社, whose name is being abused in spoofed mail. */
@Component
@ConditionalOnBooleanProperty("spoofdesk.demo-data.enabled")
class SettingsDemoData implements DemoDataSeeder {

	private final CompanyIdentityService identities;

	SettingsDemoData(CompanyIdentityService identities) {
		this.identities = identities;
	}

	@Override
	public int order() {
		return 0;
	}

	@Override
	public void seed() {
		if (!this.identities.current().companyName().isEmpty()) {
			return;
		}
		this.identities.update(new CompanyIdentity("北村精機株式会社", List.of("kitamura-seiki.co.jp"),
				List.of(new CompanyIdentity.Staff("北村 博", "kitamura@kitamura-seiki.co.jp"),
						new CompanyIdentity.Staff("山田 花子", "yamada@kitamura-seiki.co.jp")),
				List.of("mx1.kitamura-seiki.co.jp"), List.of("smtp.kitamura-seiki.co.jp", "203.0.113.200/29"),
				"Asia/Tokyo", new CompanyIdentity.WorkingHours(LocalTime.of(8, 0), LocalTime.of(20, 0)),
				FreeMailDomainList.SHIPPED), null);
	}

}
