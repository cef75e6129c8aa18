package io.spoofdesk.warningmail;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.spoofdesk.incident.Incidents;
import io.spoofdesk.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading warning mail: an incident's batches and drafts, the drafts across incidents
 * (warned, still to send) and who has been warned. Nothing here changes a draft; that is
 * {@link DraftWorkflow}'s.
 */
@Service
public class WarningQueries {

	static final String DRAFT_COLUMNS = "id, batch_id, incident_id, partner_id, recipient_label, to_address, "
			+ "to_name, cc_addresses, subject, body, status, attempts, next_attempt_at, last_error, approved_by, "
			+ "approved_at, sent_by, sent_at, updated_at, updated_by, version, answered_at";

	private final JdbcClient jdbc;

	private final Incidents incidents;

	WarningQueries(JdbcClient jdbc, Incidents incidents) {
		this.jdbc = jdbc;
		this.incidents = incidents;
	}

	/** The incident's batches, newest first, with their drafts. */
	@Transactional(readOnly = true)
	public List<BatchView> batchesOf(long incidentId) {
		this.incidents.get(incidentId);
		Map<Long, List<DraftView>> drafts = this.jdbc
			.sql("SELECT " + DRAFT_COLUMNS + " FROM warning_draft WHERE incident_id = ? ORDER BY id")
			.param(incidentId)
			.query((rs, n) -> draft(rs))
			.list()
			.stream()
			.collect(Collectors.groupingBy(DraftView::batchId));
		return this.jdbc.sql("SELECT * FROM warning_batch WHERE incident_id = ? ORDER BY id DESC")
			.param(incidentId)
			.query((rs, n) -> batchView(rs, drafts.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** The incident's batches, newest first, counted in one query. */
	@Transactional(readOnly = true)
	public List<BatchSummary> summariesOf(long incidentId) {
		record Row(long batchId, String batchStatus, String draftStatus, long drafts) {
		}
		List<Row> rows = this.jdbc.sql("""
				SELECT b.id, b.status, d.status AS draft_status, count(d.id) AS drafts
				FROM warning_batch b LEFT JOIN warning_draft d ON d.batch_id = b.id
				WHERE b.incident_id = ?
				GROUP BY b.id, b.status, d.status ORDER BY b.id DESC""")
			.param(incidentId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("status"), rs.getString("draft_status"),
					rs.getLong("drafts")))
			.list();
		Map<Long, List<Row>> byBatch = rows.stream()
			.collect(Collectors.groupingBy(Row::batchId, LinkedHashMap::new, Collectors.toList()));
		return byBatch.values().stream().map(batch -> {
			Map<DraftStatus, Long> counts = new EnumMap<>(DraftStatus.class);
			batch.stream()
				.filter(row -> row.draftStatus() != null)
				.forEach(row -> counts.put(DraftStatus.valueOf(row.draftStatus()), row.drafts()));
			return new BatchSummary(batch.get(0).batchId(), batch.get(0).batchStatus(), counts);
		}).toList();
	}

	/** What counts as warned: sent by SpoofDesk or marked sent by hand. */
	static final String WARNED = "warning_draft_is_warned(d.status)";

	/** Still to send: neither warned nor cancelled (the dashboard's "still to send"). */
	static final String TO_SEND = "warning_draft_is_to_send(d.status)";

	/** Warning mails across incidents, newest change first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<DraftRow> across(boolean warned, int limit) {
		return this.jdbc.sql("""
				SELECT d.id, d.incident_id, i.reference, i.title, d.batch_id, d.recipient_label, d.to_address,
				       d.status, coalesce(d.sent_at, d.updated_at) AS at
				FROM warning_draft d JOIN incident i ON i.id = d.incident_id
				WHERE %s ORDER BY at DESC, d.id DESC LIMIT ?""".formatted(warned ? WARNED : TO_SEND))
			.param(limit)
			.query((rs, n) -> new DraftRow(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("reference"),
					rs.getString("title"), rs.getLong("batch_id"), rs.getString("recipient_label"),
					rs.getString("to_address"), DraftStatus.valueOf(rs.getString("status")), instant(rs, "at")))
			.list();
	}

	/**
	 * How many warning mails {@link #across} would list without its limit, from the
	 * per-status counts the database keeps (V14): the dashboard's two figures.
	 */
	@Transactional(readOnly = true)
	public long countAcross(boolean warned) {
		return this.jdbc
			.sql("SELECT coalesce(sum(count), 0)::bigint FROM warning_draft_status_count d WHERE "
					+ (warned ? WARNED : TO_SEND))
			.query(Long.class)
			.single();
	}

	/** Who has been warned in this incident (sent or marked sent), by recipient label. */
	@Transactional(readOnly = true)
	public List<String> warnedRecipients(long incidentId) {
		return this.jdbc.sql("""
				SELECT d.recipient_label FROM warning_draft d
				WHERE d.incident_id = ? AND %s
				GROUP BY d.recipient_label ORDER BY min(d.id)""".formatted(WARNED))
			.param(incidentId)
			.query(String.class)
			.list();
	}

	@Transactional(readOnly = true)
	public BatchView batch(long incidentId, long batchId) {
		List<DraftView> drafts = this.jdbc
			.sql("SELECT " + DRAFT_COLUMNS + " FROM warning_draft WHERE batch_id = ? AND incident_id = ? ORDER BY id")
			.params(batchId, incidentId)
			.query((rs, n) -> draft(rs))
			.list();
		return this.jdbc.sql("SELECT * FROM warning_batch WHERE id = ? AND incident_id = ?")
			.params(batchId, incidentId)
			.query((rs, n) -> batchView(rs, drafts))
			.optional()
			.orElseThrow(() -> new NotFoundException("WarningBatch", batchId));
	}

	static BatchView batchView(ResultSet rs, List<DraftView> drafts) throws SQLException {
		return new BatchView(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("language"),
				rs.getString("from_address"), rs.getString("from_name"), rs.getString("status"),
				rs.getString("return_reason"), instant(rs, "created_at"), rs.getString("created_by"),
				instant(rs, "submitted_at"), rs.getString("submitted_by"), instant(rs, "decided_at"),
				rs.getString("decided_by"), drafts, List.of((String[]) rs.getArray("left_out_warned").getArray()),
				Purpose.valueOf(rs.getString("purpose")));
	}

	@Transactional(readOnly = true)
	public DraftView draft(long incidentId, long draftId) {
		return this.jdbc.sql("SELECT " + DRAFT_COLUMNS + " FROM warning_draft WHERE id = ? AND incident_id = ?")
			.params(draftId, incidentId)
			.query((rs, n) -> draft(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("WarningDraft", draftId));
	}

	EmlWriter.Address batchSender(long batchId) {
		return this.jdbc.sql("SELECT from_address, from_name FROM warning_batch WHERE id = ?")
			.param(batchId)
			.query((rs, n) -> new EmlWriter.Address(rs.getString("from_address"), rs.getString("from_name")))
			.single();
	}

	static DraftView draft(ResultSet rs) throws SQLException {
		Array cc = rs.getArray("cc_addresses");
		List<String> ccList = (cc != null) ? Arrays.asList((String[]) cc.getArray()) : List.of();
		Long partner = rs.getObject("partner_id", Long.class);
		return new DraftView(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("incident_id"), partner,
				rs.getString("recipient_label"), rs.getString("to_address"), rs.getString("to_name"), ccList,
				rs.getString("subject"), rs.getString("body"), DraftStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
				rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("sent_by"),
				instant(rs, "sent_at"), instant(rs, "updated_at"), rs.getString("updated_by"), rs.getLong("version"),
				instant(rs, "answered_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
