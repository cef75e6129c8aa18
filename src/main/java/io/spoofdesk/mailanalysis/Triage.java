package io.spoofdesk.mailanalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.spoofdesk.mailanalysis.MailAnalysis.TriageHint;

/**
 * "Whose mailbox leaked?" (DESIGN.md, Triage; JPCERT/CC's two cases). Emotet sends from
 * hosts that belong to neither side and quotes mail stolen from an infected PC, so where
 * a mail was sent from never proves that our PCs are clean. The hint rests on the trusted
 * part of the Received path, the trusted authentication results and the text; the first
 * rule that matches wins:
 * <ol>
 * <li>{@code OUR_SYSTEMS_LIKELY_INFECTED}: our domain authenticated, handed over by our
 * sending hosts;</li>
 * <li>{@code CONVERSATION_STOLEN}: sent from elsewhere, quoting an earlier mail that
 * names one of our addresses or staff;</li>
 * <li>{@code OUR_NAME_FORGED}: sent from elsewhere, showing our company, staff or
 * address;</li>
 * <li>{@code PARTNER_IMPERSONATED}: sent from elsewhere, showing a partner's name,
 * contact or (look-alike) address, with a MEDIUM or HIGH indicator;</li>
 * <li>{@code INCONCLUSIVE}: our name or a partner's is used, but the route is unknown or
 * the mail passed our servers unauthenticated;</li>
 * <li>{@code NOT_ABOUT_US}: none of the above.</li>
 * </ol>
 * "Sent from elsewhere": the trusted route shows a host that is not one of our sending
 * hosts, and the From domain is not authenticated as ours or as the partner's it belongs
 * to (a genuine reply from a partner's own servers is not a stolen conversation).
 */
final class Triage {

	private final AnalysisContext.Us us;

	private final PartyIndex partners;

	private final List<Text> evidence = new ArrayList<>();

	private boolean usesOurName;

	private Triage(AnalysisContext.Us us, PartyIndex partners) {
		this.us = us;
		this.partners = partners;
	}

	static MailAnalysis.Triage of(AnalysisContext.Us us, PartyIndex partners, MailAnalysis.Sender from,
			ReceivedPath path, MailAnalysis.Authentication authentication, List<String> bodyTexts,
			Map<IndicatorCode, Text> indicators) {
		return new Triage(us, partners).decide(from, path, authentication, bodyTexts, indicators);
	}

	private MailAnalysis.Triage decide(MailAnalysis.Sender from, ReceivedPath path,
			MailAnalysis.Authentication authentication, List<String> bodyTexts, Map<IndicatorCode, Text> indicators) {
		String fromDomain = (from != null) ? from.domain() : null;
		boolean ourAddress = this.us.ownsDomain(fromDomain);
		boolean partnerAddress = fromDomain != null && MailAddresses.withinAny(fromDomain, this.partners.domains());
		boolean ourName = showsUs(from, ourAddress);
		this.usesOurName = ourName;
		boolean partnerShown = showsPartner(from, partnerAddress, indicators);
		QuotedMail.Quote quote = quoteNamingUs(bodyTexts);

		ReceivedPath.Hop handover = path.handover();
		boolean routeKnown = !path.isEmpty() && handover != null;
		boolean fromOurServers = routeKnown && fromOurServers(handover);
		boolean authenticated = authenticated(authentication);
		if (routeKnown) {
			describeRoute(handover, fromOurServers);
		}
		describeAuthentication(authentication);

		if (ourAddress && authenticated && routeKnown) {
			return hint(TriageHint.OUR_SYSTEMS_LIKELY_INFECTED, fromOurServers ? new Text(
					"当社のメールサーバーから当社ドメインの認証付きで送られています。当社のアカウントまたは PC が感染している可能性が高いです。隔離とスキャンを急いでください。",
					"Sent through our own mail servers with our domain authenticated: an account or PC of ours is likely infected. Isolate and scan it now.")
					: new Text(
							"当社ドメインの認証に合格しています (送信サーバーは設定にない当社側のサーバー)。当社のアカウントが使われている可能性が高いです。送信ログを確認し、隔離とスキャンを急いでください。",
							"Our domain is authenticated (through a sending server not listed in settings): an account of ours is likely used. Check the sending logs; isolate and scan now."));
		}
		if (!routeKnown) {
			if (ourName || partnerShown || quote != null) {
				this.evidence.add(new Text("信頼できる Received ヘッダーがありません (転送や貼り付けで失われた可能性)。",
						"No trusted Received header (lost when forwarded or pasted?)."));
				return hint(TriageHint.INCONCLUSIVE, new Text("経路が分からないため判断できません。メールを添付ファイル (.eml) として入手してください。",
						"The route is unknown: ask for the mail as an attachment (.eml)."));
			}
			return notAboutUs();
		}
		boolean claimedIdentityAuthenticated = authenticated && (ourAddress || partnerAddress);
		boolean sentFromElsewhere = !fromOurServers && !claimedIdentityAuthenticated;
		if (sentFromElsewhere && quote != null) {
			return hint(TriageHint.CONVERSATION_STOLEN, new Text(
					"当社とのやり取りを引用したメールが、別のサーバーから送られています。当社か、やり取りの相手のどちらかのメールボックス (PC) から盗まれた可能性があります。当社の PC のスキャンと、相手への連絡の両方が必要です。",
					"A mail quoting an exchange with us was sent from elsewhere: the mailbox (PC) of one side of that exchange leaked, ours or the correspondent's. Scan our PCs and tell that correspondent; both must check."));
		}
		if (sentFromElsewhere && ourName) {
			return hint(TriageHint.OUR_NAME_FORGED, new Text(
					"当社の名前やアドレスを使ったメールが、当社以外のサーバーから送られています。当社のアドレスを知っている誰か (当社または取引先) の PC が感染している可能性があります。当社のスキャンとパスワード確認は念のため必ず行ってください。",
					"A mail using our name or address was sent from servers that are not ours. Anyone who had our address (we or any correspondent) may be infected: our own scan and password check are a precaution that must not be skipped."));
		}
		if (sentFromElsewhere && partnerShown && hasMediumOrHigh(indicators)) {
			return hint(TriageHint.PARTNER_IMPERSONATED, new Text(
					"取引先の名前やアドレスを使ったメールが、別のサーバーから送られています。取引先か、そのやり取りの相手の PC が感染している可能性があります。取引先に知らせてください。",
					"A mail using a partner's name or address was sent from elsewhere: the partner, or one of its correspondents, may be infected. Tell the partner."));
		}
		if (fromOurServers && !authenticated && (ourName || partnerShown || quote != null)) {
			return hint(TriageHint.INCONCLUSIVE, new Text("当社のサーバーを経由していますが、当社ドメインの認証が確認できません。送信ログを確認してください。",
					"It passed our servers, but our domain's authentication is not confirmed: check the sending logs."));
		}
		return notAboutUs();
	}

	private boolean showsUs(MailAnalysis.Sender from, boolean ourAddress) {
		if (from == null) {
			return false;
		}
		if (ourAddress) {
			this.evidence.add(new Text("差出人アドレス " + from.address() + " は当社のドメインです。",
					"The sender address " + from.address() + " is in our domain."));
			return true;
		}
		if (from.display() == null) {
			return false;
		}
		String shown = MailAddresses.firstAddressIn(from.display());
		if (shown != null && this.us.ownsDomain(MailAddresses.domainOf(shown))) {
			this.evidence.add(new Text("表示名に当社のアドレス " + shown + " が書かれています。",
					"The display name shows our address " + shown + "."));
			return true;
		}
		if (this.us.ourNameIn(from.display()) != null) {
			this.evidence.add(new Text("表示名「" + from.display() + "」は当社または当社の社員を名乗っています。",
					"The display name \"" + from.display() + "\" names our company or staff."));
			return true;
		}
		return false;
	}

	private boolean showsPartner(MailAnalysis.Sender from, boolean partnerAddress,
			Map<IndicatorCode, Text> indicators) {
		if (from == null) {
			return false;
		}
		if (partnerAddress) {
			this.evidence.add(new Text("差出人アドレス " + from.address() + " は取引先のドメインです。",
					"The sender address " + from.address() + " is in a partner's domain."));
			return true;
		}
		if (indicators.containsKey(IndicatorCode.LOOKALIKE_DOMAIN)) {
			this.evidence.add(indicators.get(IndicatorCode.LOOKALIKE_DOMAIN));
			return true;
		}
		if (from.display() == null) {
			return false;
		}
		String shown = MailAddresses.firstAddressIn(from.display());
		if (shown != null && MailAddresses.withinAny(MailAddresses.domainOf(shown), this.partners.domains())) {
			this.evidence.add(new Text("表示名に取引先のアドレス " + shown + " が書かれています。",
					"The display name shows a partner's address " + shown + "."));
			return true;
		}
		List<PartyIndex.Entry> named = this.partners.namedIn(from.display());
		if (!named.isEmpty()) {
			String who = named.get(0).partnerName();
			this.evidence.add(new Text("表示名「" + from.display() + "」は取引先 (" + who + ") を名乗っています。",
					"The display name \"" + from.display() + "\" names a partner (" + who + ")."));
			return true;
		}
		return false;
	}

	private QuotedMail.Quote quoteNamingUs(List<String> bodyTexts) {
		for (String text : bodyTexts) {
			QuotedMail.Quote quote = QuotedMail.namingUs(text, this.us);
			if (quote != null) {
				String line = quote.line().length() > 200 ? quote.line().substring(0, 200) + "…" : quote.line();
				this.evidence.add(new Text("本文が、当社 (" + quote.ours() + ") とのやり取りを引用しています: 「" + line + "」",
						"The text quotes an earlier mail with us (" + quote.ours() + "): \"" + line + "\""));
				return quote;
			}
		}
		return null;
	}

	private void describeRoute(ReceivedPath.Hop handover, boolean fromOurServers) {
		String host = (handover.reverseName() != null) ? handover.reverseName() : handover.from();
		String hop = host + ((handover.ip() == null) ? "" : " [" + handover.ip() + "]") + " → " + handover.by();
		this.evidence.add(fromOurServers
				? new Text("受信サーバーに渡したのは当社の送信サーバーです: " + hop, "Handed over by our own sending server: " + hop)
				: new Text("受信サーバーに渡したのは当社以外のサーバーです: " + hop, "Handed over by a server that is not ours: " + hop));
	}

	private void describeAuthentication(MailAnalysis.Authentication authentication) {
		this.evidence.add((authentication.authservId() == null)
				? new Text("認証結果 (Authentication-Results) ヘッダーがありません。", "No Authentication-Results header.")
				: new Text(
						"認証結果 (" + authentication.authservId() + "): SPF=" + authentication.spf() + ", DKIM="
								+ authentication.dkim() + ", DMARC=" + authentication.dmarc(),
						"Authentication (" + authentication.authservId() + "): SPF=" + authentication.spf() + ", DKIM="
								+ authentication.dkim() + ", DMARC=" + authentication.dmarc()));
	}

	private static boolean authenticated(MailAnalysis.Authentication authentication) {
		return authentication.trusted() && ("pass".equals(authentication.dmarc())
				|| "pass".equals(authentication.spf()) && "pass".equals(authentication.dkim()));
	}

	private static boolean hasMediumOrHigh(Map<IndicatorCode, Text> indicators) {
		return indicators.keySet().stream().anyMatch(IndicatorCode::makesSuspicious);
	}

	private MailAnalysis.Triage notAboutUs() {
		return hint(TriageHint.NOT_ABOUT_US, new Text("当社や取引先の名前・アドレス、当社とのやり取りの引用は、このメールの差出人や本文に見当たりません。",
				"This mail's sender and text show neither our nor a partner's name or address being abused, nor a quoted exchange with us."));
	}

	private MailAnalysis.Triage hint(TriageHint hint, Text summary) {
		return new MailAnalysis.Triage(hint, summary, List.copyOf(this.evidence), this.usesOurName);
	}

	private boolean fromOurServers(ReceivedPath.Hop handover) {
		for (String sending : this.us.sendingHosts()) {
			if (IpRanges.isIpOrRange(sending) ? IpRanges.contains(sending, handover.ip())
					: sending.equals(handover.reverseName()) || sending.equals(handover.from())) {
				return true;
			}
		}
		String host = handover.reverseName();
		return this.us.sendingHosts().isEmpty() && host != null && this.us.ownsDomain(host);
	}

}
