package io.spoofdesk.mailanalysis;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who the mail claims to be from, against who sent it: display-name impersonation,
 * look-alike domains, and envelope or Reply-To addresses of another organisation.
 */
final class SenderChecks {

	private final AnalysisContext.Us us;

	private final PartyIndex partners;

	private final Map<IndicatorCode, Text> indicators;

	SenderChecks(AnalysisContext.Us us, PartyIndex partners, Map<IndicatorCode, Text> indicators) {
		this.us = us;
		this.partners = partners;
		this.indicators = indicators;
	}

	/**
	 * A display name that names a partner, a partner's contact, our company or one of our
	 * staff while the address is outside their domains; or a display name that contains
	 * another address.
	 */
	void displayName(MailAnalysis.Sender from) {
		if (from == null || from.display() == null || from.display().isBlank() || from.address() == null) {
			return;
		}
		String display = from.display();
		String domain = from.domain();
		String shownAddress = MailAddresses.firstAddressIn(display);
		if (shownAddress != null && !shownAddress.equalsIgnoreCase(from.address())) {
			this.indicators.put(IndicatorCode.DISPLAY_NAME_IMPERSONATION,
					new Text("表示名に別のアドレス " + shownAddress + " が書かれていますが、実際の差出人は " + from.address() + " です。",
							"The display name shows the address " + shownAddress + ", but the real sender is "
									+ from.address() + "."));
			return;
		}
		if (domain == null) {
			return;
		}
		String key = Names.matchKey(display);
		String ourName = Names.matchKey(this.us.companyName());
		if (Names.isDistinctive(ourName) && key.contains(ourName) && !this.us.ownsDomain(domain)) {
			impersonates(this.us.companyName() + " (当社)", this.us.companyName() + " (our company)", from);
			return;
		}
		for (AnalysisContext.Staff staff : this.us.staff()) {
			String staffKey = Names.matchKey(staff.name());
			if (Names.isDistinctive(staffKey) && key.contains(staffKey) && !this.us.ownsDomain(domain)) {
				impersonates(staff.name() + " (当社の社員)", staff.name() + " (our staff)", from);
				return;
			}
		}
		for (PartyIndex.Entry entry : this.partners.namedIn(display)) {
			if (!MailAddresses.withinAny(domain, entry.domains())) {
				String who = entry.name().equals(entry.partnerName()) ? entry.name()
						: entry.name() + " (" + entry.partnerName() + ")";
				impersonates(who + " (取引先)", who + " (partner)", from);
				return;
			}
		}
	}

	private void impersonates(String whoJa, String whoEn, MailAnalysis.Sender from) {
		this.indicators.put(IndicatorCode.DISPLAY_NAME_IMPERSONATION,
				new Text(
						"表示名「" + from.display() + "」は " + whoJa + " を名乗っていますが、アドレス " + from.address()
								+ " はそのドメインではありません。",
						"The display name \"" + from.display() + "\" names " + whoEn + ", but the address "
								+ from.address() + " is not in their domains."));
	}

	/**
	 * Sender, Reply-To and envelope domains one or two edits from a partner's or ours.
	 */
	void lookalikes(MailAnalysis.Sender from, MailAnalysis.Sender replyTo, String returnPath) {
		Set<String> known = new HashSet<>(this.partners.domains());
		known.addAll(this.us.domains());
		for (String address : new String[] { from == null ? null : from.address(),
				replyTo == null ? null : replyTo.address(), returnPath }) {
			String domain = MailAddresses.domainOf(address);
			String imitated = LookalikeDomains.imitated(domain, known);
			if (imitated != null) {
				this.indicators.put(IndicatorCode.LOOKALIKE_DOMAIN,
						new Text("ドメイン " + domain + " は " + imitated + " によく似た別のドメインです。",
								"The domain " + domain + " imitates " + imitated + "."));
				return;
			}
		}
	}

	/** Envelope sender (Return-Path) or Reply-To in another organisation than From. */
	void envelope(MailAnalysis.Sender from, MailAnalysis.Sender replyTo, String returnPath) {
		String fromDomain = from == null ? null : from.domain();
		if (fromDomain == null) {
			return;
		}
		String envelopeDomain = MailAddresses.domainOf(returnPath);
		if (envelopeDomain != null && !MailAddresses.sameOrganisation(envelopeDomain, fromDomain)) {
			this.indicators.put(IndicatorCode.ENVELOPE_MISMATCH,
					new Text("エンベロープ送信者 (Return-Path) " + returnPath + " が差出人 " + from.address() + " と別の組織です。",
							"The envelope sender (Return-Path) " + returnPath + " belongs to another organisation than "
									+ from.address() + "."));
		}
		String replyDomain = replyTo == null ? null : replyTo.domain();
		if (replyDomain != null && !MailAddresses.sameOrganisation(replyDomain, fromDomain)) {
			this.indicators.put(IndicatorCode.REPLY_TO_MISMATCH,
					new Text(
							"返信先 (Reply-To) " + replyTo.address() + " が差出人 " + from.address() + " と別の組織です。返信は攻撃者に届きます。",
							"Replies go to " + replyTo.address() + ", another organisation than " + from.address()
									+ ": answers reach the attacker."));
		}
	}

}
