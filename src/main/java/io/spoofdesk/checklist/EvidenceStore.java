package io.spoofdesk.checklist;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence files of steps, in the database (several instances share them). Lists never
 * read the content; a download reads one file, and only under its own incident.
 */
@Component
class EvidenceStore {

	private final JdbcClient jdbc;

	EvidenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	EvidenceFile insert(long incidentId, long stepId, String fileName, String contentType, byte[] content, String actor,
			Instant now) {
		String sha256 = sha256(content);
		long id = this.jdbc.sql("""
				INSERT INTO step_evidence (step_id, incident_id, file_name, content_type, size_bytes, sha256, content,
				                           uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(stepId, incidentId, fileName, contentType, content.length, sha256, content, actor,
					Timestamp.from(now))
			.query(Long.class)
			.single();
		return new EvidenceFile(id, stepId, fileName, contentType, content.length, sha256, actor, now);
	}

	List<EvidenceFile> ofSteps(List<Long> stepIds) {
		if (stepIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, step_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
				FROM step_evidence WHERE step_id IN (:steps) ORDER BY uploaded_at, id""")
			.param("steps", stepIds)
			.query((rs, n) -> new EvidenceFile(rs.getLong("id"), rs.getLong("step_id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
					rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	/** The incident's evidence-required steps that have a file. */
	Set<Long> evidencedSteps(long incidentId) {
		return Set.copyOf(this.jdbc.sql("""
				SELECT DISTINCT e.step_id FROM step_evidence e JOIN checklist_step s ON s.id = e.step_id
				WHERE s.incident_id = ? AND s.evidence_required""").param(incidentId).query(Long.class).list());
	}

	int count(long stepId) {
		return this.jdbc.sql("SELECT count(*) FROM step_evidence WHERE step_id = ?")
			.param(stepId)
			.query(Integer.class)
			.single();
	}

	Optional<Download> download(long incidentId, long stepId, long evidenceId) {
		return this.jdbc
			.sql("SELECT file_name, content_type, content FROM step_evidence "
					+ "WHERE id = ? AND step_id = ? AND incident_id = ? AND content IS NOT NULL")
			.params(evidenceId, stepId, incidentId)
			.query((rs, n) -> new Download(rs.getString("file_name"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional();
	}

	/** Moves files to the step that took over from a swapped-out one. */
	void move(long fromStepId, long toStepId) {
		this.jdbc.sql("UPDATE step_evidence SET step_id = ? WHERE step_id = ?").params(toStepId, fromStepId).update();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One file to download. */
	record Download(String fileName, String contentType, byte[] content) {

	}

}
