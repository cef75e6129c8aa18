package io.spoofdesk.checklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Role;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.RecentValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Playbooks and their versions. Saving a playbook never changes what was saved before: it
 * adds a version, and checklists keep pointing at the version they were copied from.
 */
@Service
public class Playbooks {

	static final String TARGET = "Playbook";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final RecentValue<List<PlaybookSummary>> summaries;

	Playbooks(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
		this.summaries = new RecentValue<>(this::loadAll, Duration.ofSeconds(5), clock);
	}

	/**
	 * Every playbook at its current version (read on each incident page and new-incident
	 * form, so kept for a few seconds; a save here forgets it at once).
	 */
	public List<PlaybookSummary> all() {
		return this.summaries.get();
	}

	private List<PlaybookSummary> loadAll() {
		return this.jdbc.sql("""
				SELECT p.id, p.code, p.is_default, p.active, p.current_version, v.name_ja, v.name_en,
				       (SELECT count(*) FROM playbook_step s WHERE s.playbook_version_id = v.id) AS steps,
				       v.created_at, v.created_by
				FROM playbook p JOIN playbook_version v ON v.playbook_id = p.id AND v.version = p.current_version
				ORDER BY p.is_default DESC, p.active DESC, v.name_en, p.id""")
			.query((rs, n) -> new PlaybookSummary(rs.getLong("id"), rs.getString("code"), rs.getBoolean("is_default"),
					rs.getBoolean("active"), rs.getInt("current_version"), rs.getString("name_ja"),
					rs.getString("name_en"), rs.getInt("steps"), rs.getTimestamp("created_at").toInstant(),
					rs.getString("created_by")))
			.list();
	}

	/** The playbook a new incident's checklist starts from, if any is marked default. */
	@Transactional(readOnly = true)
	public Optional<Long> defaultPlaybook() {
		return this.jdbc.sql("SELECT id FROM playbook WHERE is_default AND active").query(Long.class).optional();
	}

	@Transactional(readOnly = true)
	public PlaybookDefinition current(long playbookId) {
		return this.jdbc
			.sql("SELECT v.id FROM playbook p JOIN playbook_version v "
					+ "ON v.playbook_id = p.id AND v.version = p.current_version WHERE p.id = ?")
			.param(playbookId)
			.query(Long.class)
			.optional()
			.map(this::version)
			.orElseThrow(() -> new NotFoundException(TARGET, playbookId));
	}

	@Transactional(readOnly = true)
	public PlaybookDefinition version(long versionId) {
		PlaybookDefinition head = this.jdbc.sql("""
				SELECT v.id, v.playbook_id, p.code, v.version, v.name_ja, v.name_en, v.description_ja,
				       v.description_en, v.created_at, v.created_by
				FROM playbook_version v JOIN playbook p ON p.id = v.playbook_id WHERE v.id = ?""")
			.param(versionId)
			.query((rs, n) -> new PlaybookDefinition(rs.getLong("id"), rs.getLong("playbook_id"), rs.getString("code"),
					rs.getInt("version"), rs.getString("name_ja"), rs.getString("name_en"),
					rs.getString("description_ja"), rs.getString("description_en"), List.of(),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.optional()
			.orElseThrow(() -> new NotFoundException("PlaybookVersion", versionId));
		List<StepTemplate> steps = this.jdbc
			.sql("SELECT * FROM playbook_step WHERE playbook_version_id = ? ORDER BY position")
			.param(versionId)
			.query((rs, n) -> step(rs))
			.list();
		return new PlaybookDefinition(head.versionId(), head.playbookId(), head.code(), head.version(), head.nameJa(),
				head.nameEn(), head.descriptionJa(), head.descriptionEn(), steps, head.createdAt(), head.createdBy());
	}

	/** Every version of a playbook, newest first, for the admin page's history. */
	@Transactional(readOnly = true)
	public List<PlaybookSummary> versions(long playbookId) {
		return this.jdbc.sql("""
				SELECT p.id, p.code, p.is_default, p.active, v.version, v.name_ja, v.name_en,
				       (SELECT count(*) FROM playbook_step s WHERE s.playbook_version_id = v.id) AS steps,
				       v.created_at, v.created_by
				FROM playbook p JOIN playbook_version v ON v.playbook_id = p.id
				WHERE p.id = ? ORDER BY v.version DESC""")
			.param(playbookId)
			.query((rs, n) -> new PlaybookSummary(rs.getLong("id"), rs.getString("code"), rs.getBoolean("is_default"),
					rs.getBoolean("active"), rs.getInt("version"), rs.getString("name_ja"), rs.getString("name_en"),
					rs.getInt("steps"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.list();
	}

	/** The playbook a version belongs to. */
	@Transactional(readOnly = true)
	public long playbookOfVersion(long versionId) {
		return this.jdbc.sql("SELECT playbook_id FROM playbook_version WHERE id = ?")
			.param(versionId)
			.query(Long.class)
			.single();
	}

	/** Creates a playbook with its first version. */
	@Transactional
	public long create(PlaybookContent content) {
		String code = "playbook-" + UUID.randomUUID();
		long id = this.jdbc.sql(
				"INSERT INTO playbook (code, is_default, active, current_version) VALUES (?, false, ?, 1) RETURNING id")
			.params(code, content.active())
			.query(Long.class)
			.single();
		insertVersion(id, 1, content);
		this.summaries.forget();
		this.auditLog.record(AuditEntry.change("PLAYBOOK_CREATED", TARGET, id, "name", null, content.nameJa()));
		return id;
	}

	/**
	 * Saves a new version of a playbook, if nobody saved one since
	 * {@code expectedVersion}. Checklists already started keep their copies.
	 */
	@Transactional
	public int save(long playbookId, int expectedVersion, PlaybookContent content) {
		int updated = this.jdbc
			.sql("UPDATE playbook SET current_version = current_version + 1, active = ? "
					+ "WHERE id = ? AND current_version = ?")
			.params(content.active() || isDefault(playbookId), playbookId, expectedVersion)
			.update();
		if (updated == 0) {
			current(playbookId); // 404 when it does not exist
			throw new ConflictException("playbook.version.conflict");
		}
		insertVersion(playbookId, expectedVersion + 1, content);
		this.summaries.forget();
		this.auditLog.record(AuditEntry.change("PLAYBOOK_SAVED", TARGET, playbookId, "version", expectedVersion,
				expectedVersion + 1));
		return expectedVersion + 1;
	}

	/** Makes a playbook the one new incidents start from. */
	@Transactional
	public void makeDefault(long playbookId) {
		current(playbookId);
		this.jdbc.sql("UPDATE playbook SET is_default = false WHERE is_default AND id <> ?").param(playbookId).update();
		this.jdbc.sql("UPDATE playbook SET is_default = true, active = true WHERE id = ?").param(playbookId).update();
		this.summaries.forget();
		this.auditLog.record(AuditEntry.of("PLAYBOOK_DEFAULT", TARGET, playbookId));
	}

	private boolean isDefault(long playbookId) {
		return this.jdbc.sql("SELECT is_default FROM playbook WHERE id = ?")
			.param(playbookId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private void insertVersion(long playbookId, int version, PlaybookContent content) {
		long versionId = this.jdbc.sql("""
				INSERT INTO playbook_version (playbook_id, version, name_ja, name_en, description_ja, description_en,
				                              created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(playbookId, version, content.nameJa(), content.nameEn(), content.descriptionJa(),
					content.descriptionEn(), Timestamp.from(Instant.now(this.clock)), CurrentUser.username())
			.query(Long.class)
			.single();
		int position = 1;
		for (StepTemplate step : content.steps()) {
			this.jdbc.sql("""
					INSERT INTO playbook_step (playbook_version_id, position, phase, kind, title_ja, title_en,
					       guidance_ja, guidance_en, default_role, due_offset_minutes, required, evidence_required)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(versionId, position++, step.phase().name(), step.kind(), step.titleJa(), step.titleEn(),
						step.guidanceJa(), step.guidanceEn(), step.defaultRole().name(), step.dueOffsetMinutes(),
						step.required(), step.evidenceRequired())
				.update();
		}
	}

	private static StepTemplate step(ResultSet rs) throws SQLException {
		return new StepTemplate(rs.getInt("position"), Phase.valueOf(rs.getString("phase")), rs.getString("kind"),
				rs.getString("title_ja"), rs.getString("title_en"), rs.getString("guidance_ja"),
				rs.getString("guidance_en"), Role.valueOf(rs.getString("default_role")),
				rs.getInt("due_offset_minutes"), rs.getBoolean("required"), rs.getBoolean("evidence_required"));
	}

	/** What an admin saves: names, descriptions and the ordered steps. */
	public record PlaybookContent(String nameJa, String nameEn, String descriptionJa, String descriptionEn,
			boolean active, List<StepTemplate> steps) {

	}

}
