package io.spoofdesk.mailanalysis;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * What the engine must know besides the mail: who we are (company, staff, domains, mail
 * servers, working hours) and who our partners are.
 */
public record AnalysisContext(Us us, PartyIndex partners, AnalysisLimits limits) {

	/**
	 * Our own identity as the settings describe it. {@code receivingServers} are the host
	 * names of our inbound mail servers (also their Authentication-Results authserv-ids);
	 * {@code sendingHosts} are the host names or IP ranges (CIDR) our outbound mail
	 * leaves from.
	 */
	public record Us(String companyName, List<String> domains, List<Staff> staff, List<String> receivingServers,
			List<String> sendingHosts, ZoneId zone, LocalTime workStart, LocalTime workEnd) {

		public Us {
			domains = domains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList();
			receivingServers = receivingServers.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
			sendingHosts = sendingHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
		}

		public boolean ownsDomain(String domain) {
			return domain != null && MailAddresses.withinAny(domain, this.domains);
		}

		/**
		 * The name of one of our staff, else our company's, written in a text (compared
		 * as {@link Names#matchKey} reads names), or null.
		 */
		String ourNameIn(String text) {
			String key = Names.matchKey(text);
			if (key.isEmpty()) {
				return null;
			}
			for (Staff member : this.staff) {
				String staffKey = Names.matchKey(member.name());
				if (Names.isDistinctive(staffKey) && key.contains(staffKey)) {
					return member.name();
				}
			}
			String company = Names.matchKey(this.companyName);
			return (Names.isDistinctive(company) && key.contains(company)) ? this.companyName : null;
		}

		/** Whether a moment (in our time zone) is inside working hours on a weekday. */
		public boolean isWorkingTime(ZonedDateTime moment) {
			ZonedDateTime local = moment.withZoneSameInstant(this.zone);
			if (local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY) {
				return false;
			}
			LocalTime time = local.toLocalTime();
			if (this.workStart.isBefore(this.workEnd)) {
				return !time.isBefore(this.workStart) && time.isBefore(this.workEnd);
			}
			return !time.isBefore(this.workStart) || time.isBefore(this.workEnd);
		}

	}

	public record Staff(String name, String email) {

	}

}
