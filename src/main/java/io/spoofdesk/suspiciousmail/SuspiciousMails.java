package io.spoofdesk.suspiciousmail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.mailanalysis.MailAnalysis;
import io.spoofdesk.mailanalysis.MailAnalyzer;
import io.spoofdesk.mailanalysis.NotMailException;
import io.spoofdesk.shared.FileNames;
import io.spoofdesk.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's public API: analyse a mail, attach it to an incident (stored once per
 * content, recognised when it comes again), read back what was found, and the raw mail
 * for those allowed to download it.
 */
@Service
public class SuspiciousMails {

	static final String REFERENCE_PREFIX = "mail:";

	private final MailAnalyzer analyzer = new MailAnalyzer();

	/** A mail waits up to this long for its share of memory before "busy" is answered. */
	static final Duration BUDGET_WAIT = Duration.ofSeconds(30);

	private final AnalysisBudget budget = AnalysisBudget.ofHeap(BUDGET_WAIT);

	private final AnalysisContexts contexts;

	private final Incidents incidents;

	private final Iocs iocs;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	SuspiciousMails(AnalysisContexts contexts, Incidents incidents, Iocs iocs, AuditLog auditLog, JdbcClient jdbc,
			JsonMapper json, Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.contexts = contexts;
		this.incidents = incidents;
		this.iocs = iocs;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Analyses a mail without storing anything. Runs outside any database transaction: a
	 * hostile mail may take the engine a while, and no pool connection waits for it.
	 * Waits for its share of memory ({@link AnalysisBudget}).
	 * @throws NotMailException when it is empty, too large or not mail
	 * @throws AnalysisBusyException when other mails hold the memory for longer than
	 * {@link #BUDGET_WAIT}
	 */
	public MailAnalysis analyse(byte[] raw) {
		return this.budget.spend(raw.length, () -> this.analyzer.analyze(raw, this.contexts.current()));
	}

	/**
	 * Runs work on a mail of about {@code size} bytes (reading it from a request, then
	 * analysing or attaching it) within the analysis' share of memory, so that reading
	 * many large mails at once waits its turn too.
	 * @throws AnalysisBusyException when other mails hold the memory for longer than
	 * {@link #BUDGET_WAIT}
	 */
	<T, E extends Exception> T withinBudget(long size, AnalysisBudget.Work<T, E> work) throws E {
		return this.budget.spend(size, work);
	}

	/**
	 * Analyses a mail and attaches it to an incident, with its IOCs; a mail already on
	 * the incident (same SHA-256) is recognised and not stored again. Audited on the
	 * incident. The analysis runs before the storing transaction begins.
	 * @throws NotMailException when it is empty, too large or not mail (nothing stored)
	 */
	public Attached attach(long incidentId, byte[] raw, String fileName) {
		this.incidents.get(incidentId); // an unknown incident answers 404 before any work
		MailAnalysis analysis = analyse(raw);
		return this.transactions.execute(status -> {
			IncidentView incident = this.incidents.get(incidentId);
			keepEvidence(analysis.sha256(), raw);
			return link(incident.id(), analysis, (fileName != null) ? FileNames.safe(fileName, "mail.eml") : null);
		});
	}

	/**
	 * Keeps a mail for an incident that is about to be opened from it; returns the
	 * reference the new-incident form carries. A mail that is never used is purged with
	 * the next retention run.
	 */
	public String keepForNewIncident(byte[] raw) {
		MailAnalysis analysis = analyse(raw);
		this.transactions.executeWithoutResult(status -> keepEvidence(analysis.sha256(), raw));
		return REFERENCE_PREFIX + analysis.sha256();
	}

	/** The references of the incidents that hold a mail (by SHA-256), oldest first. */
	List<String> incidentsHolding(String sha256) {
		return this.jdbc.sql("""
				SELECT i.reference FROM incident_mail m JOIN incident i ON i.id = m.incident_id
				WHERE m.sha256 = ? ORDER BY i.id LIMIT 10""").param(sha256).query(String.class).list();
	}

	/** The analysis of a kept mail, by its SHA-256, while its raw form is still kept. */
	Optional<MailAnalysis> analysisOfKept(String sha256) {
		return rawBySha256(sha256).map(this::analyse);
	}

	/**
	 * Attaches a kept mail (by SHA-256) to an incident; used when the incident is opened
	 * from it.
	 */
	Attached attachKept(long incidentId, String sha256) {
		byte[] raw = rawBySha256(sha256).orElseThrow(() -> new NotFoundException("Mail", sha256));
		MailAnalysis analysis = analyse(raw);
		return this.transactions.execute(status -> link(incidentId, analysis, null));
	}

	Attached link(long incidentId, MailAnalysis analysis, String fileName) {
		Instant now = this.clock.instant();
		Optional<Long> inserted = this.jdbc.sql("""
				INSERT INTO incident_mail (incident_id, sha256, file_name, from_address, subject, arrived_at, verdict,
				                           triage_hint, analysis, added_by, added_at, message_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
				ON CONFLICT (incident_id, sha256) DO NOTHING
				RETURNING id""")
			.params(incidentId, analysis.sha256(), fileName,
					(analysis.from() != null) ? analysis.from().address() : null, analysis.subject(),
					timestamp(analysis.arrivedAt()), analysis.verdict().name(), analysis.triage().hint().name(),
					this.json.writeValueAsString(analysis), CurrentUser.username(), Timestamp.from(now),
					analysis.messageId())
			.query(Long.class)
			.optional();
		if (inserted.isEmpty()) {
			long existing = this.jdbc.sql("SELECT id FROM incident_mail WHERE incident_id = ? AND sha256 = ?")
				.params(incidentId, analysis.sha256())
				.query(Long.class)
				.single();
			return new Attached(existing, true, analysis);
		}
		long mailId = inserted.get();
		this.iocs.record(mailId, incidentId, analysis, now);
		String what = ((fileName != null) ? fileName + " " : "") + "(" + analysis.subject() + ", SHA-256 "
				+ analysis.sha256().substring(0, 12) + "…, " + analysis.verdict() + ")";
		this.auditLog.record(AuditEntry.change("MAIL_ATTACHED", Incidents.TARGET, incidentId, "mail", null, what));
		return new Attached(mailId, false, analysis);
	}

	void keepEvidence(String sha256, byte[] raw) {
		// a mail purged after retention and uploaded again is kept again
		this.jdbc.sql("""
				INSERT INTO mail_evidence (sha256, size, raw, stored_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (sha256) DO UPDATE SET raw = EXCLUDED.raw, purged_at = NULL, stored_at = EXCLUDED.stored_at
				WHERE mail_evidence.raw IS NULL""")
			.params(sha256, raw.length, raw, Timestamp.from(this.clock.instant()))
			.update();
	}

	private Optional<byte[]> rawBySha256(String sha256) {
		return this.jdbc.sql("SELECT raw FROM mail_evidence WHERE sha256 = ? AND raw IS NOT NULL")
			.param(sha256)
			.query(byte[].class)
			.optional();
	}

	/** The mails of an incident, oldest first. */
	@Transactional(readOnly = true)
	public List<MailRow> mailsOf(long incidentId) {
		return this.jdbc.sql("""
				SELECT m.id, m.file_name, m.from_address, m.subject, m.arrived_at, m.verdict, m.triage_hint,
				       m.added_by, m.added_at, jsonb_array_length(m.analysis -> 'indicators') AS indicators,
				       e.raw IS NOT NULL AS raw_kept
				FROM incident_mail m JOIN mail_evidence e ON e.sha256 = m.sha256
				WHERE m.incident_id = ? ORDER BY m.added_at, m.id""")
			.param(incidentId)
			.query((rs, row) -> new MailRow(rs.getLong("id"), rs.getString("file_name"), rs.getString("from_address"),
					rs.getString("subject"), instant(rs.getTimestamp("arrived_at")),
					MailAnalysis.Verdict.valueOf(rs.getString("verdict")),
					MailAnalysis.TriageHint.valueOf(rs.getString("triage_hint")), rs.getString("added_by"),
					instant(rs.getTimestamp("added_at")), rs.getInt("indicators"), rs.getBoolean("raw_kept")))
			.list();
	}

	/**
	 * One mail of an incident with its analysis; a mail id of another incident answers
	 * 404 like an unknown one.
	 */
	@Transactional(readOnly = true)
	public StoredMail get(long incidentId, long mailId) {
		return this.jdbc.sql("""
				SELECT m.id, m.incident_id, m.file_name, m.analysis::text AS analysis, m.added_by, m.added_at,
				       e.raw IS NOT NULL AS raw_kept, e.purged_at
				FROM incident_mail m JOIN mail_evidence e ON e.sha256 = m.sha256
				WHERE m.id = ? AND m.incident_id = ?""")
			.params(mailId, incidentId)
			.query((rs, row) -> new StoredMail(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("file_name"),
					this.json.readValue(rs.getString("analysis"), MailAnalysis.class), rs.getString("added_by"),
					instant(rs.getTimestamp("added_at")), rs.getBoolean("raw_kept"),
					instant(rs.getTimestamp("purged_at"))))
			.optional()
			.orElseThrow(() -> new NotFoundException("Mail", mailId));
	}

	/**
	 * The strongest triage hint among an incident's mails, in DESIGN.md's order (an
	 * infection on our side outranks a forged name), or empty when it has no mail.
	 */
	@Transactional(readOnly = true)
	public Optional<MailAnalysis.TriageHint> strongestTriageHint(long incidentId) {
		return this.jdbc
			.sql("SELECT DISTINCT triage_hint FROM incident_mail WHERE incident_id = ? AND triage_hint IS NOT NULL")
			.param(incidentId)
			.query(String.class)
			.list()
			.stream()
			.flatMap(name -> Arrays.stream(MailAnalysis.TriageHint.values()).filter(hint -> hint.name().equals(name)))
			.min(Comparator.naturalOrder());
	}

	/** Only the triage hint of a stored mail, without reading its whole analysis. */
	@Transactional(readOnly = true)
	public MailAnalysis.Triage triageOf(long incidentId, long mailId) {
		return this.jdbc.sql("SELECT analysis -> 'triage' FROM incident_mail WHERE id = ? AND incident_id = ?")
			.params(mailId, incidentId)
			.query((rs, row) -> this.json.readValue(rs.getString(1), MailAnalysis.Triage.class))
			.optional()
			.orElseThrow(() -> new NotFoundException("Mail", mailId));
	}

	/**
	 * The raw mail as it was uploaded, or empty once purged. 404 for another incident's
	 * mail.
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> raw(long incidentId, long mailId) {
		return this.jdbc.sql("""
				SELECT e.raw FROM incident_mail m JOIN mail_evidence e ON e.sha256 = m.sha256
				WHERE m.id = ? AND m.incident_id = ?""")
			.params(mailId, incidentId)
			.query((rs, row) -> Optional.ofNullable(rs.getBytes("raw")))
			.optional()
			.orElseThrow(() -> new NotFoundException("Mail", mailId));
	}

	/** Other incidents the same mail (same SHA-256) is attached to. */
	@Transactional(readOnly = true)
	public List<IncidentRef> otherIncidentsWith(String sha256, long exceptIncidentId) {
		return this.jdbc.sql("""
				SELECT i.id, i.reference FROM incident_mail m JOIN incident i ON i.id = m.incident_id
				WHERE m.sha256 = ? AND m.incident_id <> ? ORDER BY i.reported_at DESC LIMIT 20""")
			.params(sha256, exceptIncidentId)
			.query((rs, row) -> new IncidentRef(rs.getLong(1), rs.getString(2)))
			.list();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** The outcome of attaching a mail: its id, and whether it was already there. */
	public record Attached(long mailId, boolean duplicate, MailAnalysis analysis) {

	}

	/** A line of an incident's mail list. */
	public record MailRow(long id, String fileName, String fromAddress, String subject, Instant arrivedAt,
			MailAnalysis.Verdict verdict, MailAnalysis.TriageHint triageHint, String addedBy, Instant addedAt,
			int indicatorCount, boolean rawKept) {

	}

	/** One stored mail with its analysis. */
	public record StoredMail(long id, long incidentId, String fileName, MailAnalysis analysis, String addedBy,
			Instant addedAt, boolean rawKept, Instant purgedAt) {

	}

	public record IncidentRef(long id, String reference) {

	}

}
