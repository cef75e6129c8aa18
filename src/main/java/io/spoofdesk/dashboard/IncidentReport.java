package io.spoofdesk.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One incident as a manager hands it upward or to IPA / the police: the summary, what
 * happened when, the checklist with its results, the indicators found in the mails, and
 * the partners warned.
 */
public record IncidentReport(Summary summary, Milestones milestones, List<Event> timeline, String checklistName,
		List<Step> steps, List<Mail> mails, List<Indicator> indicators, List<Warning> warnings) {

	public record Summary(long id, String reference, String title, String status, String severity, String channel,
			String partner, String contact, Instant reportedAt, Instant mailReceivedAt, List<String> impersonated,
			String summary, String assignee, String createdBy) {

	}

	/** First TRIAGED, first CONTAINED (or RECOVERED), last CLOSED while closed now. */
	public record Milestones(Instant reportedAt, Instant triaged, Instant contained, Instant closed) {

		public Duration toTriage() {
			return since(this.triaged);
		}

		public Duration toContain() {
			return since(this.contained);
		}

		public Duration toClose() {
			return since(this.closed);
		}

		private Duration since(Instant reached) {
			return (reached != null) ? Duration.between(this.reportedAt, reached) : null;
		}

	}

	/**
	 * Something that happened: a status change, a note, a mail attached, a step done, a
	 * mail sent.
	 */
	public record Event(Instant at, String who, String kind, String text, String detail) {

	}

	public record Step(int position, String phase, String title, String status, boolean required, String assignee,
			String completedBy, Instant completedAt, String resultNote, String reason, List<String> evidence) {

	}

	public record Mail(String fileName, String from, String subject, Instant arrivedAt, String verdict) {

	}

	public record Indicator(String kind, String value, boolean verified) {

	}

	public record Warning(String recipient, String toAddress, String status, Instant sentAt) {

	}

}
