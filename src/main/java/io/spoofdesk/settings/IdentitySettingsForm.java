package io.spoofdesk.settings;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin page's form: lists are edited as one entry per line; staff as
 * {@code 名前 <address>} lines.
 */
class IdentitySettingsForm {

	private static final Pattern STAFF_LINE = Pattern.compile("^(.*?)\\s*<([^>]*)>$");

	private String companyName = "";

	private String domains = "";

	private String staff = "";

	private String receivingServers = "";

	private String sendingHosts = "";

	private String timeZone = "";

	private String freeMailDomains = "";

	private WorkingHours workingHours = new WorkingHours();

	private Long version;

	static IdentitySettingsForm from(IdentitySettingsBody body, long version) {
		IdentitySettingsForm form = new IdentitySettingsForm();
		form.companyName = body.companyName();
		form.domains = String.join("\n", body.domains());
		form.staff = String.join("\n",
				body.staff().stream().map(member -> member.name() + " <" + member.email() + ">").toList());
		form.receivingServers = String.join("\n", body.receivingServers());
		form.sendingHosts = String.join("\n", body.sendingHosts());
		form.timeZone = body.timeZone();
		form.freeMailDomains = String.join("\n", body.freeMailDomains());
		form.workingHours.start = body.workingHours().start();
		form.workingHours.end = body.workingHours().end();
		form.version = version;
		return form;
	}

	IdentitySettingsBody toBody() {
		List<IdentitySettingsBody.StaffBody> members = lines(this.staff).stream().map(line -> {
			Matcher matcher = STAFF_LINE.matcher(line);
			return matcher.matches() ? new IdentitySettingsBody.StaffBody(matcher.group(1), matcher.group(2))
					: new IdentitySettingsBody.StaffBody(line, null);
		}).toList();
		return new IdentitySettingsBody(this.companyName, lines(this.domains), members, lines(this.receivingServers),
				lines(this.sendingHosts), this.timeZone,
				new IdentitySettingsBody.WorkingHoursBody(this.workingHours.start, this.workingHours.end),
				lines(this.freeMailDomains));
	}

	private static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\R")).map(String::trim).filter(line -> !line.isEmpty()).toList();
	}

	public String getCompanyName() {
		return this.companyName;
	}

	public void setCompanyName(String companyName) {
		this.companyName = companyName;
	}

	public String getDomains() {
		return this.domains;
	}

	public void setDomains(String domains) {
		this.domains = domains;
	}

	public String getStaff() {
		return this.staff;
	}

	public void setStaff(String staff) {
		this.staff = staff;
	}

	public String getReceivingServers() {
		return this.receivingServers;
	}

	public void setReceivingServers(String receivingServers) {
		this.receivingServers = receivingServers;
	}

	public String getSendingHosts() {
		return this.sendingHosts;
	}

	public void setSendingHosts(String sendingHosts) {
		this.sendingHosts = sendingHosts;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public String getFreeMailDomains() {
		return this.freeMailDomains;
	}

	public void setFreeMailDomains(String freeMailDomains) {
		this.freeMailDomains = freeMailDomains;
	}

	public WorkingHours getWorkingHours() {
		return this.workingHours;
	}

	public void setWorkingHours(WorkingHours workingHours) {
		this.workingHours = workingHours;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	/**
	 * Start and end as typed ({@code HH:mm}), bound as {@code workingHours.start} /
	 * {@code .end}.
	 */
	public static class WorkingHours {

		private String start = "";

		private String end = "";

		public String getStart() {
			return this.start;
		}

		public void setStart(String start) {
			this.start = start;
		}

		public String getEnd() {
			return this.end;
		}

		public void setEnd(String end) {
			this.end = end;
		}

	}

}
