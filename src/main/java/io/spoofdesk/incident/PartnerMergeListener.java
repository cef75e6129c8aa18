package io.spoofdesk.incident;

import io.spoofdesk.partner.PartnersMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** When two partners are merged, their incidents follow the partner that is kept. */
@Component
class PartnerMergeListener {

	private final JdbcClient jdbc;

	PartnerMergeListener(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(PartnersMerged merged) {
		this.jdbc.sql("UPDATE incident SET partner_id = ?, version = version + 1 WHERE partner_id = ?")
			.params(merged.keptId(), merged.removedId())
			.update();
	}

}
