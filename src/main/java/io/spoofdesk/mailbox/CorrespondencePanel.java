package io.spoofdesk.mailbox;

import java.util.HashMap;
import java.util.Map;

import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Permissions;
import io.spoofdesk.incident.IncidentPanel;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.settings.CompanyIdentityService;

import org.springframework.stereotype.Component;

/** The case's correspondence on the incident page, after its suspicious mails. */
@Component
class CorrespondencePanel implements IncidentPanel {

	private final Correspondence correspondence;

	private final CompanyIdentityService identities;

	CorrespondencePanel(Correspondence correspondence, CompanyIdentityService identities) {
		this.correspondence = correspondence;
		this.identities = identities;
	}

	@Override
	public String template() {
		return "mailbox/panel";
	}

	@Override
	public int order() {
		return 15;
	}

	@Override
	public Map<String, Object> data(IncidentView incident) {
		Map<String, Object> data = new HashMap<>();
		data.put("incidentId", incident.id());
		data.put("entries", this.correspondence.of(incident.id()));
		data.put("zone", this.identities.current().zoneId());
		data.put("canReply", incident.status().isOpen() && Permissions.allowed(Permission.DRAFT_WARNINGS));
		data.put("canDownloadOriginals", Permissions.allowed(Permission.DOWNLOAD_ORIGINALS));
		return data;
	}

}
