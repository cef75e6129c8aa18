package io.spoofdesk.mailbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.spoofdesk.shared.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the database knows of the mailbox: who reads it now (a lease, so that of several
 * instances one reads at a time), the UIDVALIDITY and the last UID filed, and every mail
 * taken from it. {@link #claim} and {@link #record} run in the filing transaction, so a
 * mail counts as taken exactly when its incident is saved.
 */
@Component
class IntakeState {

	private final JdbcClient jdbc;

	private final Clock clock;

	IntakeState(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Takes (or renews) the folder's lease; false while another instance holds it. */
	boolean lease(String folder, String owner, Duration leaseFor) {
		Instant now = this.clock.instant();
		this.jdbc.sql("INSERT INTO intake_mailbox (folder) VALUES (?) ON CONFLICT (folder) DO NOTHING")
			.param(folder)
			.update();
		return this.jdbc.sql("""
				UPDATE intake_mailbox SET lease_owner = ?, lease_until = ?
				WHERE folder = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)""")
			.params(owner, Timestamp.from(now.plus(leaseFor)), folder, owner, Timestamp.from(now))
			.update() == 1;
	}

	/** Gives the lease back, with how the reading went (null: well). */
	void release(String folder, String owner, String error) {
		this.jdbc.sql("""
				UPDATE intake_mailbox SET lease_owner = NULL, lease_until = NULL, last_polled_at = ?, last_error = ?
				WHERE folder = ? AND lease_owner = ?""")
			.params(Timestamp.from(this.clock.instant()), error, folder, owner)
			.update();
	}

	/**
	 * The last UID filed under this UIDVALIDITY; a new UIDVALIDITY (the folder was
	 * recreated) starts from the beginning, and mails already filed are recognised by
	 * their content.
	 */
	long lastUid(String folder, long uidValidity) {
		Long last = this.jdbc.sql("SELECT last_uid FROM intake_mailbox WHERE folder = ? AND uid_validity = ?")
			.params(folder, uidValidity)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (last != null) {
			return last;
		}
		this.jdbc.sql("UPDATE intake_mailbox SET uid_validity = ?, last_uid = 0 WHERE folder = ?")
			.params(uidValidity, folder)
			.update();
		return 0;
	}

	/**
	 * In the filing transaction: locks the folder's row and answers whether this mail is
	 * still to be filed (false when another reader filed it first).
	 */
	boolean claim(String folder, long uidValidity, long uid) {
		this.jdbc.sql("SELECT folder FROM intake_mailbox WHERE folder = ? FOR UPDATE")
			.param(folder)
			.query(String.class)
			.optional();
		return this.jdbc.sql("SELECT count(*) FROM intake_message WHERE uid_validity = ? AND uid = ?")
			.params(uidValidity, uid)
			.query(Long.class)
			.single() == 0;
	}

	/** In the filing transaction: the mail as taken, and the folder's last UID. */
	void record(String folder, long uidValidity, long uid, Taken taken) {
		this.jdbc.sql("""
				INSERT INTO intake_message (uid_validity, uid, message_id, sha256, from_address, subject, outcome,
				                            reason, incident_id, received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(uidValidity, uid, taken.messageId(), taken.sha256(), taken.from(), Texts.clip(taken.subject(), 500),
					taken.outcome().name(), Texts.clip(taken.reason(), 2000), taken.incidentId(),
					Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql("""
				UPDATE intake_mailbox SET last_uid = greatest(last_uid, ?)
				WHERE folder = ? AND uid_validity = ?""").params(uid, folder, uidValidity).update();
	}

	/**
	 * The incident a mail with this content or Message-ID was filed on before, if any.
	 */
	Optional<Repeated> filedBefore(String sha256, String messageId) {
		return this.jdbc.sql("""
				SELECT incident_id FROM intake_message
				WHERE (sha256 = ? OR (message_id IS NOT NULL AND message_id = ?)) AND outcome <> 'QUARANTINED'
				ORDER BY id LIMIT 1""")
			.params(sha256, messageId)
			.query((rs, n) -> new Repeated(rs.getObject(1, Long.class)))
			.optional();
	}

	/** The mails set aside, newest first, for the admins. */
	List<Quarantined> quarantined(int limit) {
		return this.jdbc.sql("""
				SELECT received_at, from_address, subject, reason FROM intake_message
				WHERE outcome = 'QUARANTINED' ORDER BY received_at DESC, id DESC LIMIT ?""")
			.param(limit)
			.query((rs, n) -> new Quarantined(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/** When the folder was last read, by any instance (null: never). */
	Instant lastPolledAt(String folder) {
		return this.jdbc.sql("SELECT last_polled_at FROM intake_mailbox WHERE folder = ?")
			.param(folder)
			.query((rs, n) -> (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** How the mailbox has been read: when last, with which error, and what was filed. */
	Status status(String folder) {
		Status read = this.jdbc.sql("""
				SELECT m.last_polled_at, m.last_error,
				       (SELECT count(*) FROM intake_message WHERE outcome IN ('NEW_INCIDENT', 'JOINED')),
				       (SELECT count(*) FROM intake_message WHERE outcome = 'CORRESPONDENCE'),
				       (SELECT count(*) FROM intake_message WHERE outcome = 'QUARANTINED')
				FROM intake_mailbox m WHERE m.folder = ?""")
			.param(folder)
			.query((rs, n) -> new Status((rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null,
					rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.optional()
			.orElse(null);
		return (read != null) ? read : new Status(null, null, 0, 0, 0);
	}

	/** What became of a mail. */
	enum Outcome {

		NEW_INCIDENT, JOINED, CORRESPONDENCE, REPEATED, QUARANTINED

	}

	record Taken(String messageId, String sha256, String from, String subject, Outcome outcome, String reason,
			Long incidentId) {

	}

	record Repeated(Long incidentId) {

	}

	record Quarantined(Instant at, String from, String subject, String reason) {

	}

	record Status(Instant lastPolledAt, String lastError, long reports, long replies, long quarantined) {

	}

}
