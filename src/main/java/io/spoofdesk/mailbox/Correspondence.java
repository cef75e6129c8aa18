package io.spoofdesk.mailbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.spoofdesk.mailanalysis.MailAnalysis;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.Texts;
import io.spoofdesk.suspiciousmail.RawMailsPurged;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's correspondence: the reports and replies that came in through the mailbox and
 * the acknowledgements that went out, oldest first. Text only: a mail's HTML is never
 * kept here or shown. A reply's raw mail (with its attachments) is kept as evidence like
 * a suspicious mail, and leaves with its text when the retention purge takes it.
 */
@Service
public class Correspondence {

	/** The longest text kept of one mail. */
	static final int MAX_BODY = 20_000;

	private static final TypeReference<List<MailAnalysis.Attachment>> ATTACHMENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Correspondence(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The case's thread, oldest first. */
	@Transactional(readOnly = true)
	public List<Entry> of(long incidentId) {
		return this.jdbc.sql("""
				SELECT c.id, c.direction, c.kind, c.message_id, c.from_address, c.to_address, c.subject, c.body,
				       c.note, c.at, c.attachments::text AS attachments, e.raw IS NOT NULL AS raw_kept
				FROM incident_correspondence c LEFT JOIN mail_evidence e ON e.sha256 = c.sha256
				WHERE c.incident_id = ? ORDER BY c.at, c.id""")
			.param(incidentId)
			.query((rs, n) -> new Entry(rs.getLong("id"), Direction.valueOf(rs.getString("direction")),
					Kind.valueOf(rs.getString("kind")), rs.getString("message_id"), rs.getString("from_address"),
					rs.getString("to_address"), rs.getString("subject"), rs.getString("body"), rs.getString("note"),
					rs.getTimestamp("at").toInstant(), attachments(rs.getString("attachments")),
					rs.getBoolean("raw_kept")))
			.list();
	}

	private List<MailAnalysis.Attachment> attachments(String json) {
		return (json != null) ? this.json.readValue(json, ATTACHMENTS) : List.of();
	}

	/**
	 * The raw mail of an entry as it came in, or empty when none was kept or it was
	 * purged. 404 for another incident's entry.
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> raw(long incidentId, long entryId) {
		return this.jdbc.sql("""
				SELECT e.raw FROM incident_correspondence c LEFT JOIN mail_evidence e ON e.sha256 = c.sha256
				WHERE c.id = ? AND c.incident_id = ?""")
			.params(entryId, incidentId)
			.query((rs, row) -> Optional.ofNullable(rs.getBytes("raw")))
			.optional()
			.orElseThrow(() -> new NotFoundException("Correspondence", entryId));
	}

	/** A reply's text leaves with its raw mail (personal data under APPI). */
	@EventListener
	void rawMailsPurged(RawMailsPurged purged) {
		this.jdbc.sql("UPDATE incident_correspondence SET body = NULL WHERE sha256 = ANY(?)")
			.param(purged.sha256s().toArray(String[]::new))
			.update();
	}

	/** A report that came in about the case, and why it joined it. */
	void reported(long incidentId, MailHeaders headers, String note, Instant at) {
		received(incidentId, Kind.REPORT, headers, null, null, List.of(), note, at);
	}

	/**
	 * A reply about the case, why it joined it, and its raw mail kept as evidence (stored
	 * by its SHA-256) with its attachments' summary.
	 */
	void replied(long incidentId, MailHeaders headers, MailAnalysis analysed, String note, Instant at) {
		received(incidentId, Kind.REPLY, headers, analysed.textBody(), analysed.sha256(), analysed.attachments(), note,
				at);
	}

	private void received(long incidentId, Kind kind, MailHeaders headers, String body, String sha256,
			List<MailAnalysis.Attachment> attachments, String note, Instant at) {
		this.jdbc.sql("""
				INSERT INTO incident_correspondence (incident_id, direction, kind, message_id, from_address, subject,
				                                     body, note, at, sha256, attachments)
				VALUES (?, 'IN', ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
			.params(incidentId, kind.name(), headers.messageId(), headers.from(), Texts.clip(headers.subject(), 500),
					Texts.clip(body, MAX_BODY), note, Timestamp.from(at), sha256,
					attachments.isEmpty() ? null : this.json.writeValueAsString(attachments))
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

	/**
	 * One mail of the thread. {@code note} says why it joined, or how sending went;
	 * {@code attachments} are a reply's, and {@code rawKept} whether its raw mail can
	 * still be downloaded.
	 */
	public record Entry(long id, Direction direction, Kind kind, String messageId, String from, String to,
			String subject, String body, String note, Instant at, List<MailAnalysis.Attachment> attachments,
			boolean rawKept) {

	}

}
