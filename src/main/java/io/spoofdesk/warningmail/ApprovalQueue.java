package io.spoofdesk.warningmail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Warning-mail batches submitted and waiting for a manager's approval. */
@Component
public class ApprovalQueue {

	private final JdbcClient jdbc;

	ApprovalQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public long waiting() {
		return this.jdbc.sql("SELECT count(*) FROM warning_batch WHERE status = ?")
			.param(BatchStatus.SUBMITTED.name())
			.query(Long.class)
			.single();
	}

}
