package io.spoofdesk.warningmail;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Incidents;
import io.spoofdesk.settings.CompanyIdentity;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.shared.Texts;
import io.spoofdesk.suspiciousmail.ObservedMails;
import io.spoofdesk.suspiciousmail.SuspiciousMails;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The words a warning mail is made of, beside its template: the values of the
 * placeholders for an incident (what was seen, since when, whom to call), in the mail's
 * language with its honorifics, quotes and date format from the messages; and the website
 * notice.
 */
@Component
public class WarningTexts {

	private final MailTemplates templates;

	private final Incidents incidents;

	private final SuspiciousMails mails;

	private final ObservedMails observed;

	private final CompanyIdentityService identities;

	private final MessageSource messages;

	WarningTexts(MailTemplates templates, Incidents incidents, SuspiciousMails mails, ObservedMails observed,
			CompanyIdentityService identities, MessageSource messages) {
		this.templates = templates;
		this.incidents = incidents;
		this.mails = mails;
		this.observed = observed;
		this.identities = identities;
		this.messages = messages;
	}

	Map<String, String> commonValues(IncidentView incident, CompanyIdentity company, String language,
			WarningDrafts.Generation generation, Purpose purpose) {
		Map<String, String> values = new HashMap<>();
		values.put(Placeholders.OUR_COMPANY, company.companyName());
		values.put(Placeholders.IMPERSONATED_ADDRESSES,
				String.join(", ",
						Stream.concat(incident.impersonatedAddresses().stream(), incident.impersonatedNames().stream())
							.toList()));
		Instant firstSeen = (incident.mailReceivedAt() != null) ? incident.mailReceivedAt() : incident.reportedAt();
		for (SuspiciousMails.MailRow mail : this.mails.mailsOf(incident.id())) {
			if (mail.arrivedAt() != null && mail.arrivedAt().isBefore(firstSeen)) {
				firstSeen = mail.arrivedAt();
			}
		}
		// only mail that showed our name: a mail impersonating a partner is not cited
		ObservedMails.ObservedMail observed = purpose.citesMailInOurName() ? this.observed.inOurName(incident.id(), 5)
				: this.observed.inPartnersName(incident.id(), 5);
		values.put(Placeholders.OBSERVED_SUBJECTS, quoted(observed.subjects(), language));
		values.put(Placeholders.SENDER_ADDRESSES, String.join(", ", observed.senders()));
		values.put(Placeholders.ATTACHMENT_NAMES, quoted(observed.attachmentNames(), language));
		values.put(Placeholders.FIRST_SEEN,
				DateTimeFormatter.ofPattern(word("warning.value.dateFormat", language), Locale.forLanguageTag(language))
					.format(firstSeen.atZone(company.zoneId())));
		values.put(Placeholders.INCIDENT_REFERENCE, incident.reference());
		values.put(Placeholders.CONTACT_PERSON, Objects.toString(Texts.blankToNull(generation.contactPerson()), ""));
		values.put(Placeholders.CONTACT_PHONE, Objects.toString(Texts.blankToNull(generation.contactPhone()), ""));
		values.put(Placeholders.CONTACT_EMAIL, Objects.toString(Texts.blankToNull(generation.contactEmail()), ""));
		return values;
	}

	/** Subjects or file names as the language quotes them: 「a」「b」, or "a", "b". */
	private String quoted(List<String> texts, String language) {
		return String.join(word("warning.value.quotedSeparator", language),
				texts.stream().map(text -> word("warning.value.quoted", language, text)).toList());
	}

	/**
	 * The honorifics, quotes and date format of the mail's language, from the messages.
	 */
	String word(String key, String language, Object... arguments) {
		return this.messages.getMessage(key, (arguments.length > 0) ? arguments : null,
				Locale.forLanguageTag(language));
	}

	/** The website notice for this incident, in a language: text, and HTML to post. */
	@Transactional(readOnly = true)
	public Rendered websiteNotice(long incidentId, String language, String contactPerson, String contactPhone) {
		IncidentView incident = this.incidents.get(incidentId);
		String lang = "en".equals(language) ? "en" : "ja";
		Map<String, String> values = commonValues(
				incident, this.identities.current(), lang, new WarningDrafts.Generation(lang, "", "", null,
						contactPerson, contactPhone, null, List.of(), false, Purpose.WEBSITE_NOTICE),
				Purpose.WEBSITE_NOTICE);
		return this.templates.render(this.templates.get(Purpose.WEBSITE_NOTICE, lang), values);
	}

}
