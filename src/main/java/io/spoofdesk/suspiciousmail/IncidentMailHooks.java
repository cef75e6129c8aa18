package io.spoofdesk.suspiciousmail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.spoofdesk.identity.Permission;
import io.spoofdesk.identity.Permissions;
import io.spoofdesk.incident.Channel;
import io.spoofdesk.incident.IncidentPanel;
import io.spoofdesk.incident.IncidentSource;
import io.spoofdesk.incident.IncidentView;
import io.spoofdesk.incident.Severity;
import io.spoofdesk.mailanalysis.IndicatorSeverity;
import io.spoofdesk.mailanalysis.MailAddresses;
import io.spoofdesk.mailanalysis.MailAnalysis;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.partner.PartnerView;
import io.spoofdesk.settings.CompanyIdentityService;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How suspicious mails appear on incidents: a panel on the incident page (the mails, the
 * upload form, the triage hint of the latest mail), and a new incident started from an
 * uploaded mail with its form pre-filled.
 */
@Component
class IncidentMailHooks implements IncidentPanel, IncidentSource {

	private final SuspiciousMails mails;

	private final CompanyIdentityService identities;

	private final PartnerDirectory partners;

	IncidentMailHooks(SuspiciousMails mails, CompanyIdentityService identities, PartnerDirectory partners) {
		this.partners = partners;
		this.mails = mails;
		this.identities = identities;
	}

	@Override
	public String template() {
		return "suspiciousmail/panel";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Map<String, Object> data(IncidentView incident) {
		List<SuspiciousMails.MailRow> rows = this.mails.mailsOf(incident.id());
		Map<String, Object> data = new HashMap<>();
		data.put("incidentId", incident.id());
		data.put("mails", rows);
		data.put("triage", null); // every key present: the page reads data.triage
		data.put("triageMail", null);
		data.put("canAttach", Permissions.allowed(Permission.EDIT_CASES));
		rows.stream()
			.filter(row -> row.triageHint() != MailAnalysis.TriageHint.NOT_ABOUT_US)
			.reduce((first, second) -> second)
			.ifPresent(latest -> {
				data.put("triage", this.mails.triageOf(incident.id(), latest.id()));
				data.put("triageMail", latest);
			});
		return data;
	}

	@Override
	public Optional<Prefill> prefill(String reference) {
		return sha256Of(reference).flatMap(this.mails::analysisOfKept).map(this::prefillFrom);
	}

	@Override
	public void attach(long incidentId, String reference) {
		sha256Of(reference).ifPresent(sha256 -> this.mails.attachKept(incidentId, sha256));
	}

	Prefill prefillFrom(MailAnalysis analysis) {
		// an address of ours in From is what was impersonated; a foreign one is the
		// attacker's
		String from = (analysis.from() != null) ? analysis.from().address() : null;
		List<String> impersonated = (from != null
				&& this.identities.current().isOurDomain(String.valueOf(MailAddresses.domainOf(from)))) ? List.of(from)
						: List.of();
		String subject = (analysis.subject() != null && !analysis.subject().isBlank()) ? analysis.subject()
				: "(no subject)";
		String summary = analysis.indicators()
			.stream()
			.map(indicator -> "- " + indicator.reason().in(LocaleContextHolder.getLocale()))
			.reduce((a, b) -> a + "\n" + b)
			.orElse("");
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		Severity severity = analysis.indicators()
			.stream()
			.anyMatch(indicator -> indicator.severity() == IndicatorSeverity.HIGH) ? Severity.HIGH
					: (analysis.verdict() == MailAnalysis.Verdict.SUSPICIOUS) ? Severity.MEDIUM : Severity.LOW;
		return new Prefill((english ? "Suspicious mail: " : "不審メール: ") + subject, Channel.MAIL, severity, summary,
				impersonated, analysis.arrivedAt(), partnerOf(analysis), new IncidentSource.Origin(from,
						analysis.subject(), analysis.verdict().name(), this.mails.incidentsHolding(analysis.sha256())));
	}

	/**
	 * The partner the mail names: who forwarded it to us, else who it was sent to, else
	 * who it claims to come from, the first of them with a partner's domain (never ours).
	 */
	private Long partnerOf(MailAnalysis analysis) {
		List<String> addresses = new ArrayList<>();
		if (analysis.forwardedBy() != null && analysis.forwardedBy().address() != null) {
			addresses.add(analysis.forwardedBy().address());
		}
		if (analysis.to() != null) {
			addresses.addAll(analysis.to());
		}
		if (analysis.from() != null && analysis.from().address() != null) {
			addresses.add(analysis.from().address());
		}
		for (String address : addresses) {
			String domain = MailAddresses.domainOf(address);
			if (domain == null || this.identities.current().isOurDomain(domain)) {
				continue;
			}
			PartnerView partner = this.partners.byDomains(List.of(domain)).get(domain);
			if (partner != null) {
				return partner.id();
			}
		}
		return null;
	}

	private static Optional<String> sha256Of(String reference) {
		if (reference == null || !reference.startsWith(SuspiciousMails.REFERENCE_PREFIX)) {
			return Optional.empty();
		}
		String sha256 = reference.substring(SuspiciousMails.REFERENCE_PREFIX.length());
		return sha256.matches("[0-9a-f]{64}") ? Optional.of(sha256) : Optional.empty();
	}

}
