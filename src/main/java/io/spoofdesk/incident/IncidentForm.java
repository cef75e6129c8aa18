package io.spoofdesk.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.spoofdesk.shared.Texts;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The new/edit incident form, built for a helpdesk on the phone: everything on one
 * screen, sensible defaults (now, by phone, medium), the partner picked from the
 * directory or typed in as a new one. Times are typed in the company's time zone.
 */
class IncidentForm {

	private String title = "";

	private Long partnerId;

	private String newPartnerName = "";

	private Long contactId;

	private Channel channel = Channel.PHONE;

	private Severity severity = Severity.MEDIUM;

	private String assignee = "";

	private String summary = "";

	private String impersonated = "";

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime reportedAt;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime mailReceivedAt;

	private Long version;

	/** A first-time caller, added to the partner's contacts with the report. */
	private String callerName = "";

	private String callerPhone = "";

	private String callerEmail = "";

	/**
	 * Where a new incident starts from (an uploaded mail), see {@link IncidentSource}.
	 */
	private String source = "";

	/** What was chosen for the new incident's start, see {@link IncidentStartOption}. */
	private Map<String, String> startOptions = new HashMap<>();

	/** The new-report form's one-time token ({@link FiledReports}). */
	private String submission = "";

	static IncidentForm blank(Instant now, ZoneId zone) {
		IncidentForm form = new IncidentForm();
		form.reportedAt = LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES);
		form.submission = FiledReports.newToken();
		return form;
	}

	public String getSubmission() {
		return this.submission;
	}

	public void setSubmission(String submission) {
		this.submission = submission;
	}

	static IncidentForm from(IncidentView incident, ZoneId zone) {
		IncidentForm form = new IncidentForm();
		form.title = incident.title();
		form.partnerId = incident.partnerId();
		form.contactId = incident.contactId();
		form.channel = incident.channel();
		form.severity = incident.severity();
		form.assignee = (incident.assignee() != null) ? incident.assignee() : "";
		form.summary = (incident.summary() != null) ? incident.summary() : "";
		form.impersonated = String.join("\n",
				Stream.concat(incident.impersonatedAddresses().stream(), incident.impersonatedNames().stream())
					.toList());
		form.reportedAt = LocalDateTime.ofInstant(incident.reportedAt(), zone).truncatedTo(ChronoUnit.MINUTES);
		form.mailReceivedAt = (incident.mailReceivedAt() != null)
				? LocalDateTime.ofInstant(incident.mailReceivedAt(), zone).truncatedTo(ChronoUnit.MINUTES) : null;
		form.version = incident.version();
		return form;
	}

	IncidentCommand toCommand(ZoneId zone) {
		Impersonated impersonated = Impersonated.parse(this.impersonated);
		return new IncidentCommand(this.title, this.partnerId, this.contactId, this.channel, this.severity,
				this.assignee, this.summary, impersonated.addresses(),
				(this.mailReceivedAt != null) ? this.mailReceivedAt.atZone(zone).toInstant() : null,
				(this.reportedAt != null) ? this.reportedAt.atZone(zone).toInstant() : null, this.version,
				this.startOptions,
				this.callerName.isBlank() ? null : new IncidentCommand.NewContact(this.callerName.strip(),
						Texts.blankToNull(this.callerEmail), Texts.blankToNull(this.callerPhone)),
				impersonated.names());
	}

	/**
	 * Fills the form from what a source found; the helpdesk can still change everything.
	 */
	void prefill(IncidentSource.Prefill prefill, String reference, ZoneId zone) {
		this.source = reference;
		if (prefill.title() != null) {
			this.title = Texts.clip(prefill.title(), 200);
		}
		if (prefill.channel() != null) {
			this.channel = prefill.channel();
		}
		if (prefill.severity() != null) {
			this.severity = prefill.severity();
		}
		if (prefill.summary() != null) {
			this.summary = prefill.summary();
		}
		if (prefill.impersonatedAddresses() != null) {
			this.impersonated = String.join("\n", prefill.impersonatedAddresses());
		}
		if (prefill.partnerId() != null && this.partnerId == null) {
			this.partnerId = prefill.partnerId();
		}
		if (prefill.mailReceivedAt() != null) {
			this.mailReceivedAt = LocalDateTime.ofInstant(prefill.mailReceivedAt(), zone)
				.truncatedTo(ChronoUnit.MINUTES);
		}
	}

	boolean hasSource() {
		return this.source != null && !this.source.isBlank();
	}

	public Map<String, String> getStartOptions() {
		return this.startOptions;
	}

	public void setStartOptions(Map<String, String> startOptions) {
		this.startOptions = startOptions;
	}

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	boolean wantsNewPartner() {
		return this.partnerId == null && this.newPartnerName != null && !this.newPartnerName.isBlank();
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Long getPartnerId() {
		return this.partnerId;
	}

	public void setPartnerId(Long partnerId) {
		this.partnerId = partnerId;
	}

	public String getNewPartnerName() {
		return this.newPartnerName;
	}

	public void setNewPartnerName(String newPartnerName) {
		this.newPartnerName = newPartnerName;
	}

	public Long getContactId() {
		return this.contactId;
	}

	public void setContactId(Long contactId) {
		this.contactId = contactId;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public void setChannel(Channel channel) {
		this.channel = channel;
	}

	public Severity getSeverity() {
		return this.severity;
	}

	public void setSeverity(Severity severity) {
		this.severity = severity;
	}

	public String getAssignee() {
		return this.assignee;
	}

	public void setAssignee(String assignee) {
		this.assignee = assignee;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getImpersonated() {
		return this.impersonated;
	}

	public void setImpersonated(String impersonated) {
		this.impersonated = (impersonated != null) ? impersonated : "";
	}

	public LocalDateTime getReportedAt() {
		return this.reportedAt;
	}

	public void setReportedAt(LocalDateTime reportedAt) {
		this.reportedAt = reportedAt;
	}

	public LocalDateTime getMailReceivedAt() {
		return this.mailReceivedAt;
	}

	public void setMailReceivedAt(LocalDateTime mailReceivedAt) {
		this.mailReceivedAt = mailReceivedAt;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public String getCallerName() {
		return this.callerName;
	}

	public void setCallerName(String callerName) {
		this.callerName = (callerName != null) ? callerName : "";
	}

	public String getCallerPhone() {
		return this.callerPhone;
	}

	public void setCallerPhone(String callerPhone) {
		this.callerPhone = (callerPhone != null) ? callerPhone : "";
	}

	public String getCallerEmail() {
		return this.callerEmail;
	}

	public void setCallerEmail(String callerEmail) {
		this.callerEmail = (callerEmail != null) ? callerEmail : "";
	}

}
