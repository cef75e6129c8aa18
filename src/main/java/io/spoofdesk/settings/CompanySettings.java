package io.spoofdesk.settings;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The single row of company settings: who "we" are, where our mail arrives, when we work.
 */
@Entity
@Table(name = "company_settings")
class CompanySettings {

	static final short THE_ID = 1;

	@Id
	private Short id;

	@Column(name = "company_name", nullable = false)
	private String companyName;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false, columnDefinition = "text[]")
	private List<String> domains = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "receiving_servers", nullable = false, columnDefinition = "text[]")
	private List<String> receivingServers = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "sending_hosts", nullable = false, columnDefinition = "text[]")
	private List<String> sendingHosts = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "company_staff", joinColumns = @JoinColumn(name = "settings_id"))
	@OrderColumn(name = "position")
	private List<StaffMember> staff = new ArrayList<>();

	@Column(name = "time_zone", nullable = false)
	private String timeZone;

	@Column(name = "work_start", nullable = false)
	private LocalTime workStart;

	@Column(name = "work_end", nullable = false)
	private LocalTime workEnd;

	/** {@code null}: the shipped list. */
	@Column(name = "free_mail_domains", columnDefinition = "text[]")
	private List<String> freeMailDomains;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected CompanySettings() {
	}

	CompanyIdentity toIdentity() {
		return new CompanyIdentity(this.companyName, List.copyOf(this.domains),
				this.staff.stream().map(member -> new CompanyIdentity.Staff(member.name(), member.email())).toList(),
				List.copyOf(this.receivingServers), List.copyOf(this.sendingHosts), this.timeZone,
				new CompanyIdentity.WorkingHours(this.workStart, this.workEnd),
				(this.freeMailDomains != null) ? List.copyOf(this.freeMailDomains) : FreeMailDomainList.SHIPPED);
	}

	void update(CompanyIdentity identity, Instant now) {
		this.companyName = identity.companyName();
		this.domains = new ArrayList<>(identity.domains());
		this.staff = new ArrayList<>(
				identity.staff().stream().map(member -> new StaffMember(member.name(), member.email())).toList());
		this.receivingServers = new ArrayList<>(identity.receivingServers());
		this.sendingHosts = new ArrayList<>(identity.sendingHosts());
		this.timeZone = identity.timeZone();
		this.workStart = identity.workingHours().start();
		this.workEnd = identity.workingHours().end();
		this.freeMailDomains = (identity.freeMailDomains() == null || identity.freeMailDomains().isEmpty()
				|| identity.freeMailDomains().equals(FreeMailDomainList.SHIPPED)) ? null
						: new ArrayList<>(identity.freeMailDomains());
		this.updatedAt = now;
	}

	long version() {
		return this.version;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
