package io.spoofdesk.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.shared.ReadOnlyTransactions;
import io.spoofdesk.shared.RecentValue;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The settings module's public API: reads and (for admins) changes who "we" are. */
@Service
public class CompanyIdentityService implements CompanyTimeZone {

	private final CompanySettingsRepository settings;

	private final AuditLog auditLog;

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final Clock clock;

	private final RecentValue<CompanyIdentity> cached;

	CompanyIdentityService(CompanySettingsRepository settings, AuditLog auditLog, Clock clock,
			PlatformTransactionManager transactions) {
		this.settings = settings;
		this.auditLog = auditLog;
		this.clock = clock;
		TransactionTemplate readOnly = ReadOnlyTransactions.over(transactions);
		this.cached = new RecentValue<>(() -> readOnly.execute(status -> load().toIdentity()), FRESH_FOR, clock);
	}

	/**
	 * Who we are. Every page reads it (for the time zone), so it is kept for a few
	 * seconds; a change on this instance is seen at once, on another instance within
	 * {@link #FRESH_FOR}.
	 */
	public CompanyIdentity current() {
		return this.cached.get();
	}

	@Override
	public ZoneId zoneId() {
		return current().zoneId();
	}

	@Transactional(readOnly = true)
	long currentVersion() {
		return load().version();
	}

	/**
	 * Saves new settings; {@code expectedVersion} (when given) is the version the editor
	 * saw, so a concurrent change is reported instead of overwritten. Each changed field
	 * is audited.
	 */
	@Transactional
	public void update(CompanyIdentity identity, Long expectedVersion) {
		CompanySettings row = load();
		if (expectedVersion != null && expectedVersion != row.version()) {
			throw new ObjectOptimisticLockingFailureException(CompanySettings.class, CompanySettings.THE_ID);
		}
		CompanyIdentity before = row.toIdentity();
		row.update(identity, Instant.now(this.clock));
		audit("companyName", before.companyName(), identity.companyName());
		audit("domains", before.domains(), identity.domains());
		audit("staff", before.staff(), identity.staff());
		audit("receivingServers", before.receivingServers(), identity.receivingServers());
		audit("sendingHosts", before.sendingHosts(), identity.sendingHosts());
		audit("timeZone", before.timeZone(), identity.timeZone());
		audit("workingHours", before.workingHours(), identity.workingHours());
		audit("freeMailDomains", before.freeMailDomains(), identity.freeMailDomains());
		this.cached.forget();
	}

	private void audit(String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			this.auditLog.record(AuditEntry.change("SETTINGS_CHANGED", "CompanySettings", CompanySettings.THE_ID, field,
					before, after));
		}
	}

	private CompanySettings load() {
		return this.settings.findById(CompanySettings.THE_ID)
			.orElseThrow(() -> new IllegalStateException("company_settings row missing: migrations not applied?"));
	}

}
