package io.spoofdesk.settings;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Who "we" are, as other modules read it: company name, our mail domains, our staff, the
 * mail servers that receive our mail, the hosts (names or CIDR ranges) our mail leaves
 * from, the time zone, the working hours, and the free-mail and carrier domains whose
 * addresses never share a warning draft ({@link FreeMailDomainList#SHIPPED} until an
 * admin edits them).
 */
public record CompanyIdentity(String companyName, List<String> domains, List<Staff> staff,
		List<String> receivingServers, List<String> sendingHosts, String timeZone, WorkingHours workingHours,
		List<String> freeMailDomains) {

	public ZoneId zoneId() {
		return ZoneId.of(this.timeZone);
	}

	/** Whether an address or host name belongs to one of our domains (or a subdomain). */
	public boolean isOurDomain(String domain) {
		String candidate = domain.toLowerCase(Locale.ROOT);
		return this.domains.stream()
			.map(ours -> ours.toLowerCase(Locale.ROOT))
			.anyMatch(ours -> candidate.equals(ours) || candidate.endsWith("." + ours));
	}

	public record Staff(String name, String email) {

	}

	public record WorkingHours(LocalTime start, LocalTime end) {

		/** Whether a local time falls in the window; a window past midnight wraps. */
		public boolean contains(LocalTime time) {
			if (this.start.isBefore(this.end)) {
				return !time.isBefore(this.start) && time.isBefore(this.end);
			}
			return !time.isBefore(this.start) || time.isBefore(this.end);
		}

	}

}
