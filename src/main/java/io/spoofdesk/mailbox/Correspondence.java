package io.spoofdesk.mailbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.spoofdesk.shared.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's correspondence: the reports and replies that came in through the mailbox and
 * the acknowledgements that went out, oldest first. Text only: a mail's HTML is never
 * kept here or shown.
 */
@Service
public class Correspondence {

	/** The longest text kept of one mail. */
	static final int MAX_BODY = 20_000;

	private final JdbcClient jdbc;

	Correspondence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case's thread, oldest first. */
	@Transactional(readOnly = true)
	public List<Entry> of(long incidentId) {
		return this.jdbc.sql("""
				SELECT id, direction, kind, message_id, from_address, to_address, subject, body, note, at
				FROM incident_correspondence WHERE incident_id = ? ORDER BY at, id""")
			.param(incidentId)
			.query((rs, n) -> new Entry(rs.getLong("id"), Direction.valueOf(rs.getString("direction")),
					Kind.valueOf(rs.getString("kind")), rs.getString("message_id"), rs.getString("from_address"),
					rs.getString("to_address"), rs.getString("subject"), rs.getString("body"), rs.getString("note"),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	/** A mail that came in about the case, and why it joined it. */
	void received(long incidentId, Kind kind, MailHeaders headers, String body, String note, Instant at) {
		this.jdbc.sql("""
				INSERT INTO incident_correspondence (incident_id, direction, kind, message_id, from_address, subject,
				                                     body, note, at)
				VALUES (?, 'IN', ?, ?, ?, ?, ?, ?, ?)""")
			.params(incidentId, kind.name(), headers.messageId(), headers.from(), Texts.clip(headers.subject(), 500),
					Texts.clip(body, MAX_BODY), note, Timestamp.from(at))
			.update();
	}

	/** An acknowledgement about to be sent; answers its row. */
	long acknowledging(long incidentId, String from, String to, String subject, String body, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO incident_correspondence (incident_id, direction, kind, from_address, to_address, subject,
				                                     body, at)
				VALUES (?, 'OUT', 'ACKNOWLEDGEMENT', ?, ?, ?, ?, ?) RETURNING id""")
			.params(incidentId, from, to, subject, Texts.clip(body, MAX_BODY), Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** How the acknowledgement went: its Message-ID once sent, or why it was not. */
	void acknowledged(long id, String messageId, String note) {
		this.jdbc.sql("UPDATE incident_correspondence SET message_id = ?, note = ? WHERE id = ?")
			.params(messageId, note, id)
			.update();
	}

	/** Whether this address was acknowledged since then (one an hour at most). */
	boolean acknowledgedSince(String address, Instant since) {
		return this.jdbc.sql("""
				SELECT count(*) FROM incident_correspondence
				WHERE kind = 'ACKNOWLEDGEMENT' AND lower(to_address) = ? AND at >= ?""")
			.params(address.toLowerCase(Locale.ROOT), Timestamp.from(since))
			.query(Long.class)
			.single() > 0;
	}

	/** The case of a mail we sent (an acknowledgement) with one of these Message-IDs. */
	Optional<Long> incidentOfSent(Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT incident_id FROM incident_correspondence
				WHERE direction = 'OUT' AND message_id = ANY(?) ORDER BY at DESC LIMIT 1""")
			.param(messageIds.toArray(String[]::new))
			.query(Long.class)
			.optional();
	}

	public enum Direction {

		IN, OUT

	}

	public enum Kind {

		/** A suspicious mail forwarded to the mailbox. */
		REPORT,
		/** An answer about the case: tagged, or in reply to a mail we sent. */
		REPLY,
		/** Our acknowledgement of a report. */
		ACKNOWLEDGEMENT

	}

	/** One mail of the thread. {@code note} says why it joined, or how sending went. */
	public record Entry(long id, Direction direction, Kind kind, String messageId, String from, String to,
			String subject, String body, String note, Instant at) {

	}

}
