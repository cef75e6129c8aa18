package io.spoofdesk.incident;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.partner.PartnerCommand;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.partner.PartnerView;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.Texts;

import org.springframework.stereotype.Component;

/**
 * What the helpdesk entered for an incident, checked against the partner directory and
 * the people who may be given work, before {@link Incidents} stores it.
 */
@Component
class IncidentInput {

	private final PartnerDirectory partners;

	private final UserAccounts users;

	IncidentInput(PartnerDirectory partners, UserAccounts users) {
		this.partners = partners;
		this.users = users;
	}

	/**
	 * The incident's details from what was entered: partner and contact must exist and
	 * belong together, a first-time caller is added as the partner's contact, addresses
	 * are lower-cased once each, the assignee must be someone who may be given work.
	 */
	IncidentDetails details(IncidentCommand command, Instant reportedWhenOmitted) {
		return checked(withCaller(command), reportedWhenOmitted);
	}

	/**
	 * A first-time caller becomes a contact of the chosen partner in the same transaction
	 * as the report, and the report names them.
	 */
	private IncidentCommand withCaller(IncidentCommand command) {
		IncidentCommand.NewContact caller = command.newContact();
		if (caller == null || !caller.isGiven() || command.partnerId() == null || command.contactId() != null) {
			return command;
		}
		this.partners.find(command.partnerId()).orElseThrow(() -> new ConflictException("incident.partner.unknown"));
		long contactId = this.partners.addContact(command.partnerId(),
				new PartnerCommand.ContactCommand(null, caller.name(), caller.email(), caller.phone(), null));
		return new IncidentCommand(command.title(), command.partnerId(), contactId, command.channel(),
				command.severity(), command.assignee(), command.summary(), command.impersonatedAddresses(),
				command.mailReceivedAt(), command.reportedAt(), command.version(), command.startOptions(), null,
				command.impersonatedNames());
	}

	private IncidentDetails checked(IncidentCommand command, Instant reportedWhenOmitted) {
		Long contactId = command.contactId();
		if (command.partnerId() != null) {
			PartnerView partner = this.partners.find(command.partnerId())
				.orElseThrow(() -> new ConflictException("incident.partner.unknown"));
			if (contactId != null && partner.contact(contactId).isEmpty()) {
				throw new ConflictException("incident.contact.unknown");
			}
		}
		else if (contactId != null) {
			throw new ConflictException("incident.contact.unknown");
		}
		List<String> addresses = command.impersonatedAddresses()
			.stream()
			.map(address -> address.trim().toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
		return new IncidentDetails(command.title().strip(), command.partnerId(), contactId, command.channel(),
				(command.reportedAt() != null) ? command.reportedAt() : reportedWhenOmitted, command.mailReceivedAt(),
				addresses, Texts.blankToNull(command.summary()), command.severity(),
				checkedAssignee(command.assignee()),
				command.impersonatedNames().stream().map(String::strip).distinct().toList());
	}

	String checkedAssignee(String assignee) {
		if (assignee == null || assignee.isBlank()) {
			return null;
		}
		return this.users.assignable()
			.stream()
			.filter(user -> user.username().equalsIgnoreCase(assignee.trim()))
			.findFirst()
			.orElseThrow(() -> new ConflictException("incident.assignee.unknown"))
			.username();
	}

}
