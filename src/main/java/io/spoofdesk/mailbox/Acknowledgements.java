package io.spoofdesk.mailbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.spoofdesk.mailanalysis.MailAddresses;
import io.spoofdesk.partner.PartnerContacts;
import io.spoofdesk.settings.CompanyIdentity;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.warningmail.EmlWriter;
import io.spoofdesk.warningmail.Rendered;
import io.spoofdesk.warningmail.WarningReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The acknowledgement of a report, from the reporter-reply template with the case's tag
 * in its subject. Sent only to a reporter we know (a partner's contact, or our own staff
 * or domain: an unknown sender may be the attacker), never to our own intake address,
 * never in answer to a machine (Auto-Submitted, Precedence: bulk), at most once an hour
 * per address, and marked {@code Auto-Submitted: auto-replied} so that no auto-responder
 * answers it. Planned in the filing transaction (so the hourly limit holds across
 * instances), sent after it commits.
 */
@Component
class Acknowledgements {

	static final Duration ONE_PER = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

	private final IntakeSettings settings;

	private final Correspondence correspondence;

	private final WarningReplies replies;

	private final CompanyIdentityService identities;

	private final ObjectProvider<JavaMailSender> mailSender;

	Acknowledgements(IntakeSettings settings, Correspondence correspondence, WarningReplies replies,
			CompanyIdentityService identities, ObjectProvider<JavaMailSender> mailSender) {
		this.settings = settings;
		this.correspondence = correspondence;
		this.replies = replies;
		this.identities = identities;
		this.mailSender = mailSender;
	}

	/**
	 * In the filing transaction: whether to acknowledge this report, and if so its text,
	 * recorded on the case.
	 */
	Optional<Planned> plan(long incidentId, String reporter, MailHeaders headers,
			Optional<PartnerContacts.Contact> contact, Instant now) {
		IntakeProperties current = this.settings.current();
		String from = current.intakeAddress();
		if (!current.acknowledge() || reporter == null || from == null || headers.automatic()
				|| reporter.equalsIgnoreCase(from)) {
			return Optional.empty();
		}
		CompanyIdentity company = this.identities.current();
		String domain = MailAddresses.domainOf(reporter);
		Optional<CompanyIdentity.Staff> staff = company.staff()
			.stream()
			.filter(member -> reporter.equalsIgnoreCase(member.email()))
			.findFirst();
		boolean known = contact.isPresent() || staff.isPresent() || (domain != null && company.isOurDomain(domain));
		if (!known || this.correspondence.acknowledgedSince(reporter, now.minus(ONE_PER))) {
			return Optional.empty();
		}
		String name = contact.map(PartnerContacts.Contact::name)
			.orElse(staff.map(CompanyIdentity.Staff::name).orElse(null));
		Rendered text = this.replies.acknowledgement(incidentId, current.language(), name,
				contact.map(PartnerContacts.Contact::partnerName).orElse(null), current.contactPerson(),
				current.contactPhone());
		long id = this.correspondence.acknowledging(incidentId, from, reporter, text.subject(), text.body(), now);
		return Optional.of(new Planned(id, from, reporter, name, text.subject(), text.body(), headers.messageId()));
	}

	/**
	 * After the commit: sends it, and records its Message-ID (or why it was not sent).
	 */
	void send(Planned planned) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			this.correspondence.acknowledged(planned.id(), null, "NOT_SENT: no SMTP server configured");
			return;
		}
		CompanyIdentity company = this.identities.current();
		String domain = planned.from().substring(planned.from().indexOf('@') + 1);
		try {
			MimeMessage message = EmlWriter
				.message(new EmlWriter.Mail(new EmlWriter.Address(planned.from(), company.companyName()),
						List.of(new EmlWriter.Address(planned.to(), planned.toName())), List.of(), planned.subject(),
						planned.body(), Instant.now().atZone(company.zoneId()), domain.toLowerCase(Locale.ROOT)));
			message.setHeader("Auto-Submitted", "auto-replied");
			if (planned.inReplyTo() != null) {
				message.setHeader("In-Reply-To", planned.inReplyTo());
				message.setHeader("References", planned.inReplyTo());
			}
			sender.send(message);
			this.correspondence.acknowledged(planned.id(), message.getMessageID(), null);
		}
		catch (MailException | MessagingException | IllegalArgumentException ex) {
			log.warn("Mailbox: acknowledgement to {} not sent: {}", planned.to(), ex.getMessage());
			this.correspondence.acknowledged(planned.id(), null, "NOT_SENT: " + ex.getMessage());
		}
	}

	/** An acknowledgement recorded on the case, to send once the filing has committed. */
	record Planned(long id, String from, String to, String toName, String subject, String body, String inReplyTo) {

	}

}
