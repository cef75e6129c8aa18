package io.spoofdesk.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.partner.PartnerView;
import io.spoofdesk.shared.DemoDataSeeder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** A few demo cases in different states, reported by the demo partners. */
@Component
@ConditionalOnBooleanProperty("spoofdesk.demo-data.enabled")
class IncidentDemoData implements DemoDataSeeder {

	private final Incidents incidents;

	private final PartnerDirectory partners;

	private final JdbcClient jdbc;

	private final Clock clock;

	IncidentDemoData(Incidents incidents, PartnerDirectory partners, JdbcClient jdbc, Clock clock) {
		this.incidents = incidents;
		this.partners = partners;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public void seed() {
		if (this.jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single() > 0) {
			return;
		}
		List<PartnerView> known = this.partners.search(null, 10);
		if (known.isEmpty()) {
			return;
		}
		// Status rules check the acting user's roles: seed as a manager would act.
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("manager", null,
					AuthorityUtils.createAuthorityList("ROLE_MANAGER", "ROLE_HELPDESK")));
		try {
			Instant now = Instant.now(this.clock);
			PartnerView aoba = known.stream()
				.filter(partner -> partner.name().startsWith("青葉"))
				.findFirst()
				.orElse(known.get(0));
			IncidentView first = this.incidents.open(new IncidentCommand("青葉トレーディングから「請求書送付」の不審メールの連絡", aoba.id(),
					aoba.contacts().isEmpty() ? null : aoba.contacts().get(0).id(), Channel.PHONE, Severity.HIGH,
					"helpdesk", "当社の山田を名乗る、パスワード付き ZIP が添付されたメールが届いたとの電話。", List.of("yamada@kitamura-seiki.co.jp"),
					now.minus(Duration.ofHours(30)), now.minus(Duration.ofHours(26)), null, null, null, List.of()));
			this.incidents.changeStatus(first.id(), IncidentStatus.TRIAGED, null, null);
			this.incidents.addNote(first.id(), "ヘッダーを確認。送信元は海外のサーバーで、当社のメールサーバーは経由していない。");
			PartnerView other = known.stream().filter(partner -> partner != aoba).findFirst().orElse(aoba);
			this.incidents.open(new IncidentCommand("見積書を装ったメールの問い合わせ", other.id(), null, Channel.MAIL, Severity.MEDIUM,
					null, "件名「御見積書の件」、Excel 添付。", List.of("sales@kitamura-seiki.co.jp"), null,
					now.minus(Duration.ofHours(3)), null, null, null, List.of("営業部 佐藤")));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
