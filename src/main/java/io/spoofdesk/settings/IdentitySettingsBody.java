package io.spoofdesk.settings;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.spoofdesk.shared.DomainName;

/**
 * The JSON of {@code GET/PUT /api/v1/settings/identity}, and the one shape that both the
 * API and the admin page validate before anything is saved. {@code freeMailDomains}
 * absent or empty means the shipped list.
 */
record IdentitySettingsBody(String companyName, List<String> domains, List<StaffBody> staff,
		List<String> receivingServers, List<String> sendingHosts, String timeZone, WorkingHoursBody workingHours,
		List<String> freeMailDomains) {

	static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

	static IdentitySettingsBody from(CompanyIdentity identity) {
		return new IdentitySettingsBody(identity.companyName(), identity.domains(),
				identity.staff().stream().map(member -> new StaffBody(member.name(), member.email())).toList(),
				identity.receivingServers(), identity.sendingHosts(), identity.timeZone(),
				new WorkingHoursBody(HOURS_MINUTES.format(identity.workingHours().start()),
						HOURS_MINUTES.format(identity.workingHours().end())),
				identity.freeMailDomains());
	}

	/** Only after the settings validator found no error. */
	CompanyIdentity toIdentity() {
		return new CompanyIdentity(this.companyName.trim(), normalised(this.domains),
				this.staff.stream()
					.map(member -> new CompanyIdentity.Staff(member.name().trim(), member.email().trim()))
					.toList(),
				normalised(this.receivingServers), sendingHosts(this.sendingHosts), this.timeZone.trim(),
				new CompanyIdentity.WorkingHours(LocalTime.parse(this.workingHours.start(), HOURS_MINUTES),
						LocalTime.parse(this.workingHours.end(), HOURS_MINUTES)),
				freeMailDomains(this.freeMailDomains));
	}

	/**
	 * Host names normalised like domains, IP ranges kept as written; a client that does
	 * not send the field (older than it) keeps none.
	 */
	private static List<String> sendingHosts(List<String> hosts) {
		if (hosts == null) {
			return List.of();
		}
		return hosts.stream()
			.map(String::trim)
			.map(host -> IpRanges.isValid(host) ? host : DomainName.normalise(host))
			.distinct()
			.toList();
	}

	/** Absent or empty: the shipped list (warning drafts never go without one). */
	private static List<String> freeMailDomains(List<String> domains) {
		return (domains == null || domains.isEmpty()) ? FreeMailDomainList.SHIPPED : normalised(domains);
	}

	private static List<String> normalised(List<String> names) {
		return names.stream().map(DomainName::normalise).distinct().toList();
	}

	record StaffBody(String name, String email) {

	}

	record WorkingHoursBody(String start, String end) {

	}

}
