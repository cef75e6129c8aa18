package io.spoofdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets the company settings a test relies on (they are shared by every test of the run,
 * so a test must not count on another having set them): 北村精機株式会社 with the domain
 * kitamura-seiki.co.jp, its receiving and sending servers, Asia/Tokyo, 08:00–20:00.
 */
public final class OurCompany {

	public static final String KITAMURA = """
			{"companyName": "北村精機株式会社", "domains": ["kitamura-seiki.co.jp"],
			 "staff": [{"name": "北村 博", "email": "kitamura@kitamura-seiki.co.jp"}],
			 "receivingServers": ["mx1.kitamura-seiki.co.jp"], "sendingHosts": ["smtp.kitamura-seiki.co.jp"],
			 "timeZone": "Asia/Tokyo", "workingHours": {"start": "08:00", "end": "20:00"}}""";

	private OurCompany() {
	}

	public static void isKitamura(int port) {
		assertThat(ApiClient.basic(port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD)
			.put("/api/v1/settings/identity", KITAMURA)
			.statusCode()).isEqualTo(200);
	}

}
