package io.spoofdesk.checklist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of the credential ledgers: one per account and step. */
@Component
class CredentialLedger {

	private final JdbcClient jdbc;

	CredentialLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CredentialChange> ofSteps(List<Long> stepIds) {
		if (stepIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT * FROM credential_change WHERE step_id IN (:steps) ORDER BY added_at, id")
			.param("steps", stepIds)
			.query((rs, n) -> new CredentialChange(rs.getLong("id"), rs.getLong("step_id"),
					CredentialKind.valueOf(rs.getString("account_kind")), rs.getString("account"),
					rs.getBoolean("clean_device"), rs.getString("changed_by"),
					(rs.getTimestamp("changed_at") != null) ? rs.getTimestamp("changed_at").toInstant() : null,
					rs.getString("added_by"), rs.getTimestamp("added_at").toInstant()))
			.list();
	}

	StepRules.LedgerState stateOf(long stepId) {
		return this.jdbc
			.sql("SELECT count(*) AS accounts, count(*) FILTER (WHERE clean_device) AS confirmed "
					+ "FROM credential_change WHERE step_id = ?")
			.param(stepId)
			.query((rs, n) -> new StepRules.LedgerState(rs.getInt("accounts"), rs.getInt("confirmed")))
			.single();
	}

	/** Adds an account; false when the step already lists it. */
	boolean add(long incidentId, long stepId, CredentialKind kind, String account, boolean cleanDevice, String actor,
			Instant now) {
		Timestamp at = Timestamp.from(now);
		return this.jdbc.sql("""
				INSERT INTO credential_change (step_id, incident_id, account_kind, account, clean_device, changed_by,
				                               changed_at, added_by, added_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (step_id, account_kind, account) DO NOTHING""")
			.params(stepId, incidentId, kind.name(), account, cleanDevice, cleanDevice ? actor : null,
					cleanDevice ? at : null, actor, at)
			.update() == 1;
	}

	/** Records that an account's password was changed from a clean device. */
	boolean confirm(long stepId, long rowId, String actor, Instant now) {
		return this.jdbc
			.sql("UPDATE credential_change SET clean_device = true, changed_by = ?, changed_at = ? "
					+ "WHERE id = ? AND step_id = ? AND NOT clean_device")
			.params(actor, Timestamp.from(now), rowId, stepId)
			.update() == 1;
	}

	boolean exists(long stepId, long rowId) {
		return this.jdbc.sql("SELECT count(*) FROM credential_change WHERE id = ? AND step_id = ?")
			.params(rowId, stepId)
			.query(Integer.class)
			.single() == 1;
	}

	void move(long fromStepId, long toStepId) {
		this.jdbc.sql("UPDATE credential_change SET step_id = ? WHERE step_id = ?")
			.params(toStepId, fromStepId)
			.update();
	}

}
