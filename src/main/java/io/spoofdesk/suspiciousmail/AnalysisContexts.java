package io.spoofdesk.suspiciousmail;

import java.util.List;

import io.spoofdesk.mailanalysis.AnalysisContext;
import io.spoofdesk.mailanalysis.AnalysisLimits;
import io.spoofdesk.mailanalysis.PartyIndex;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.settings.CompanyIdentity;
import io.spoofdesk.settings.CompanyIdentityService;

import org.springframework.stereotype.Component;

/**
 * The engine's view of us and our partners, from the settings and the partner directory.
 * The partner index is rebuilt only when the directory has changed (checked by one cheap
 * query per analysis), so a partner added a moment ago is recognised at once.
 */
@Component
class AnalysisContexts {

	private final CompanyIdentityService identities;

	private final PartnerDirectory partners;

	private final AnalysisLimits limits;

	private volatile Snapshot snapshot;

	AnalysisContexts(CompanyIdentityService identities, PartnerDirectory partners, MailProperties properties) {
		this.identities = identities;
		this.partners = partners;
		this.limits = AnalysisLimits.withMaxMailBytes(properties.maxSize().toBytes());
	}

	AnalysisContext current() {
		CompanyIdentity identity = this.identities.current();
		AnalysisContext.Us us = new AnalysisContext.Us(identity.companyName(), identity.domains(),
				identity.staff().stream().map(staff -> new AnalysisContext.Staff(staff.name(), staff.email())).toList(),
				identity.receivingServers(), identity.sendingHosts(), identity.zoneId(),
				identity.workingHours().start(), identity.workingHours().end());
		return new AnalysisContext(us, partnerIndex(), this.limits);
	}

	long maxMailBytes() {
		return this.limits.maxMailBytes();
	}

	private PartyIndex partnerIndex() {
		String revision = this.partners.revision();
		Snapshot current = this.snapshot;
		if (current == null || !current.revision().equals(revision)) {
			List<PartyIndex.KnownPartner> known = this.partners.namesAndDomains()
				.stream()
				.map(partner -> new PartyIndex.KnownPartner(partner.name(), partner.domains(), partner.contactNames()))
				.toList();
			current = new Snapshot(revision, PartyIndex.of(known));
			this.snapshot = current;
		}
		return current.index();
	}

	private record Snapshot(String revision, PartyIndex index) {

	}

}
