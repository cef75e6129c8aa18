package io.spoofdesk.warningmail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Permissions;
import io.spoofdesk.settings.CompanyIdentityService;
import io.spoofdesk.shared.ConflictException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An approved draft as a message: the .eml to download, and what {@link DraftSender}
 * hands to the mail server.
 */
@Component
public class DraftMail {

	private final WarningQueries queries;

	private final CompanyIdentityService identities;

	private final Clock clock;

	DraftMail(WarningQueries queries, CompanyIdentityService identities, Clock clock) {
		this.queries = queries;
		this.identities = identities;
		this.clock = clock;
	}

	/** The approved draft as a message, for download. */
	@Transactional(readOnly = true)
	public byte[] eml(long incidentId, long draftId) {
		Permissions.check(Permission.DRAFT_WARNINGS);
		DraftView draft = this.queries.draft(incidentId, draftId);
		if (!draft.status().isApprovedContent()) {
			throw new ConflictException("warning.draft.notApproved");
		}
		return EmlWriter.eml(mailOf(draft, this.queries.batchSender(draft.batchId())));
	}

	EmlWriter.Mail mailOf(DraftView draft, EmlWriter.Address from) {
		String domain = from.email().substring(from.email().indexOf('@') + 1);
		return new EmlWriter.Mail(from, List.of(new EmlWriter.Address(draft.toAddress(), draft.toName())),
				draft.ccAddresses().stream().map(address -> new EmlWriter.Address(address, null)).toList(),
				draft.subject(), draft.body(), Instant.now(this.clock).atZone(this.identities.current().zoneId()),
				domain);
	}

}
