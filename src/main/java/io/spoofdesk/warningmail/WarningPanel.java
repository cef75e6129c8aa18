package io.spoofdesk.warningmail;

import java.util.HashMap;
import java.util.Map;

import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Permissions;
import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.identity.UserView;
import io.spoofdesk.incident.IncidentPanel;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.settings.CompanyIdentity;
import io.spoofdesk.settings.CompanyIdentityService;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Warning mail on the incident page: the batches so far, and generating a new one. */
@Component
class WarningPanel implements IncidentPanel {

	private final WarningQueries queries;

	private final UserAccounts users;

	private final CompanyIdentityService identities;

	WarningPanel(WarningQueries queries, UserAccounts users, CompanyIdentityService identities) {
		this.queries = queries;
		this.users = users;
		this.identities = identities;
	}

	@Override
	public String template() {
		return "warningmail/panel";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Map<String, Object> data(IncidentView incident) {
		Map<String, Object> data = new HashMap<>();
		data.put("incidentId", incident.id());
		// counts only: a batch to every partner holds thousands of drafts
		data.put("batches", this.queries.summariesOf(incident.id()));
		data.put("warned", this.queries.warnedRecipients(incident.id()));
		data.put("hasReporter", incident.partnerId() != null);
		boolean drafter = Permissions.allowed(Permission.DRAFT_WARNINGS);
		data.put("canDraft", drafter && incident.status().isOpen());
		UserView me = this.users.recent(CurrentUser.username()).orElse(null);
		String myEmail = (me != null && me.email() != null) ? me.email() : "";
		// the sender must be in our domains: the user's own address only when it is
		CompanyIdentity company = this.identities.current();
		data.put("fromAddress",
				(myEmail.contains("@") && company.isOurDomain(myEmail.substring(myEmail.lastIndexOf('@') + 1)))
						? myEmail : "");
		data.put("ourDomains", String.join(", ", company.domains()));
		data.put("contactEmail", myEmail);
		data.put("fromName", this.identities.current().companyName());
		data.put("contactPerson", (me != null) ? me.displayName() : "");
		data.put("language", "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "ja");
		return data;
	}

}
