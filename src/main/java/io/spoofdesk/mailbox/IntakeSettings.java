package io.spoofdesk.mailbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.shared.OptimisticLock;
import io.spoofdesk.shared.Versioned;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The mailbox settings in force: what an admin saved on the mailbox page, else the
 * {@code SPOOFDESK_INTAKE_*} variables. The password, the size and time limits and the
 * join window always come from the environment. Read at most every two seconds.
 */
@Component
class IntakeSettings {

	static final String TARGET = "MailboxSettings";

	private static final Duration FRESH_FOR = Duration.ofSeconds(2);

	private final IntakeProperties environment;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private volatile Cached cached;

	IntakeSettings(IntakeProperties environment, JdbcClient jdbc, AuditLog auditLog, Clock clock,
			ApplicationEventPublisher events) {
		this.environment = environment;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
		this.events = events;
	}

	/** Published once saved settings are committed. */
	record Changed() {
	}

	/** The settings in force now. */
	IntakeProperties current() {
		Cached now = this.cached;
		Instant at = this.clock.instant();
		if (now == null || now.readAt().plus(FRESH_FOR).isBefore(at)) {
			now = new Cached(saved().map(this::inForce).orElse(this.environment), at);
			this.cached = now;
		}
		return now.settings();
	}

	/** Reads the settings again at the next use. */
	void forget() {
		this.cached = null;
	}

	/** What the admin saved, if anything. */
	@Transactional(readOnly = true)
	Optional<Saved> saved() {
		return this.jdbc.sql("SELECT * FROM intake_settings WHERE id = 1").query(IntakeSettings::row).optional();
	}

	/** Whether the environment holds a password (the page says so, never what it is). */
	boolean hasPassword() {
		return this.environment.password() != null && !this.environment.password().isEmpty();
	}

	/** Saves the admin's settings, if nobody saved them since {@code expectedVersion}. */
	@Transactional
	void save(MailboxSettingsForm form) {
		Instant now = this.clock.instant();
		Optional<Saved> before = saved();
		if (before.isPresent()) {
			OptimisticLock.expect(form.getVersion(), before.get());
			int updated = this.jdbc.sql("""
					UPDATE intake_settings SET enabled = ?, host = ?, port = ?, security = ?, username = ?, address = ?,
					       folder = ?, quarantine_folder = ?, poll_seconds = ?, acknowledge = ?, language = ?,
					       contact_person = ?, contact_phone = ?, updated_at = ?, updated_by = ?, version = version + 1
					WHERE id = 1 AND version = ?""")
				.params(form.isEnabled(), form.host(), form.getPort(), form.getSecurity().name(), form.username(),
						form.address(), form.folder(), form.quarantineFolder(), form.getPollSeconds(),
						form.isAcknowledge(), form.language(), form.contactPerson(), form.contactPhone(),
						Timestamp.from(now), CurrentUser.username(), before.get().version())
				.update();
			OptimisticLock.updated(updated, () -> saved().orElseThrow());
		}
		else {
			this.jdbc.sql("""
					INSERT INTO intake_settings (id, enabled, host, port, security, username, address, folder,
					                             quarantine_folder, poll_seconds, acknowledge, language, contact_person,
					                             contact_phone, updated_at, updated_by)
					VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(form.isEnabled(), form.host(), form.getPort(), form.getSecurity().name(), form.username(),
						form.address(), form.folder(), form.quarantineFolder(), form.getPollSeconds(),
						form.isAcknowledge(), form.language(), form.contactPerson(), form.contactPhone(),
						Timestamp.from(now), CurrentUser.username())
				.update();
		}
		forget();
		// once committed, read again (a reader meanwhile kept the old ones) and tell the
		// watcher
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				forget();
				IntakeSettings.this.events.publishEvent(new Changed());
			}
		});
		this.auditLog.record(AuditEntry.change("MAILBOX_SETTINGS_SAVED", TARGET, 1L, "mailbox", null,
				(form.isEnabled() ? "on " : "off ") + form.username() + "@" + form.host() + ":" + form.getPort()));
	}

	private IntakeProperties inForce(Saved saved) {
		IntakeProperties env = this.environment;
		return new IntakeProperties(saved.enabled(), saved.host(), saved.port(), saved.security(), saved.username(),
				env.password(), saved.address(), saved.folder(), saved.quarantineFolder(),
				Duration.ofSeconds(saved.pollSeconds()), env.batchSize(), saved.acknowledge(), saved.language(),
				saved.contactPerson(), saved.contactPhone(), env.maxMailSize(), env.analysisTimeout(),
				env.joinWindow());
	}

	private static Saved row(ResultSet rs, int row) throws SQLException {
		return new Saved(rs.getBoolean("enabled"), rs.getString("host"), rs.getInt("port"),
				IntakeProperties.Security.valueOf(rs.getString("security")), rs.getString("username"),
				rs.getString("address"), rs.getString("folder"), rs.getString("quarantine_folder"),
				rs.getInt("poll_seconds"), rs.getBoolean("acknowledge"), rs.getString("language"),
				rs.getString("contact_person"), rs.getString("contact_phone"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getLong("version"));
	}

	/** The settings row as saved. */
	record Saved(boolean enabled, String host, int port, IntakeProperties.Security security, String username,
			String address, String folder, String quarantineFolder, int pollSeconds, boolean acknowledge,
			String language, String contactPerson, String contactPhone, Instant updatedAt, String updatedBy,
			long version) implements Versioned {

	}

	private record Cached(IntakeProperties settings, Instant readAt) {

	}

}
