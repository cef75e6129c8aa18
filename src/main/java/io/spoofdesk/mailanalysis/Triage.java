package io.spoofdesk.mailanalysis;

import java.util.ArrayList;
import java.util.List;

import io.spoofdesk.mailanalysis.MailAnalysis.TriageHint;

/**
 * "Us or them?" (JPCERT/CC's two cases) from the trusted part of the mail alone: did it
 * leave through our own mail servers with our domain authenticated (our account or PC is
 * likely infected), or did it come from elsewhere with only our name or address forged?
 */
final class Triage {

	private Triage() {
	}

	static MailAnalysis.Triage of(AnalysisContext.Us us, MailAnalysis.Sender from, MailAnalysis.Sender replyTo,
			String returnPath, ReceivedPath path, MailAnalysis.Authentication authentication) {
		List<Text> evidence = new ArrayList<>();
		String fromDomain = from == null ? null : from.domain();
		boolean ourAddress = us.ownsDomain(fromDomain);
		boolean ourName = from != null && from.display() != null && namesUs(us, from.display());
		if (ourAddress) {
			evidence.add(new Text("差出人アドレス " + from.address() + " は当社のドメインです。",
					"The sender address " + from.address() + " is in our domain."));
		}
		if (ourName) {
			evidence.add(new Text("表示名「" + from.display() + "」は当社または当社の社員を名乗っています。",
					"The display name \"" + from.display() + "\" names our company or staff."));
		}
		if (!ourAddress && !ourName) {
			return new MailAnalysis.Triage(TriageHint.NOT_ABOUT_US,
					new Text("当社の名前もアドレスも使われていません。", "Neither our name nor our address is used."), evidence);
		}
		ReceivedPath.Hop handover = path.handover();
		if (path.isEmpty() || handover == null) {
			evidence.add(new Text("信頼できる Received ヘッダーがありません (転送や貼り付けで失われた可能性)。",
					"No trusted Received header (lost when forwarded or pasted?)."));
			return new MailAnalysis.Triage(TriageHint.INCONCLUSIVE,
					new Text("経路が分からないため判断できません。メールを添付ファイル (.eml) として入手してください。",
							"The route is unknown: ask for the mail as an attachment (.eml)."),
					evidence);
		}
		String host = handover.reverseName() != null ? handover.reverseName() : handover.from();
		boolean fromOurServers = fromOurServers(us, handover);
		String hop = host + (handover.ip() == null ? "" : " [" + handover.ip() + "]") + " → " + handover.by();
		evidence.add(fromOurServers
				? new Text("受信サーバーに渡したのは当社の送信サーバーです: " + hop, "Handed over by our own sending server: " + hop)
				: new Text("受信サーバーに渡したのは当社以外のサーバーです: " + hop, "Handed over by a server that is not ours: " + hop));
		boolean authenticated = authentication.trusted() && ourAddress && ("pass".equals(authentication.dmarc())
				|| "pass".equals(authentication.spf()) && "pass".equals(authentication.dkim()));
		evidence.add(authentication.authservId() == null
				? new Text("認証結果 (Authentication-Results) ヘッダーがありません。", "No Authentication-Results header.")
				: new Text(
						"認証結果 (" + authentication.authservId() + "): SPF=" + authentication.spf() + ", DKIM="
								+ authentication.dkim() + ", DMARC=" + authentication.dmarc(),
						"Authentication (" + authentication.authservId() + "): SPF=" + authentication.spf() + ", DKIM="
								+ authentication.dkim() + ", DMARC=" + authentication.dmarc()));
		if (fromOurServers && authenticated) {
			return new MailAnalysis.Triage(TriageHint.OUR_SYSTEMS_LIKELY_INFECTED, new Text(
					"当社のメールサーバーから当社ドメインの認証付きで送られています。当社のアカウントまたは PC が感染している可能性が高いです。",
					"Sent through our own mail servers with our domain authenticated: an account or PC of ours is likely infected."),
					evidence);
		}
		if (fromOurServers) {
			return new MailAnalysis.Triage(TriageHint.INCONCLUSIVE, new Text(
					"当社のサーバーを経由していますが、当社ドメインの認証が確認できません。送信ログを確認してください。",
					"It passed our servers, but our domain's authentication is not confirmed: check the sending logs."),
					evidence);
		}
		return new MailAnalysis.Triage(TriageHint.ONLY_OUR_NAME_FORGED,
				new Text("当社以外のサーバーから送られています。当社の名前やアドレスがなりすまされているだけと考えられます。",
						"Sent from servers that are not ours: only our name or address is forged."),
				evidence);
	}

	private static boolean namesUs(AnalysisContext.Us us, String display) {
		String key = Names.matchKey(display);
		String company = Names.matchKey(us.companyName());
		if (Names.isDistinctive(company) && key.contains(company)) {
			return true;
		}
		return us.staff()
			.stream()
			.map(staff -> Names.matchKey(staff.name()))
			.anyMatch(staff -> Names.isDistinctive(staff) && key.contains(staff));
	}

	private static boolean fromOurServers(AnalysisContext.Us us, ReceivedPath.Hop handover) {
		for (String sending : us.sendingHosts()) {
			if (IpRanges.isIpOrRange(sending) ? IpRanges.contains(sending, handover.ip())
					: sending.equals(handover.reverseName()) || sending.equals(handover.from())) {
				return true;
			}
		}
		String host = handover.reverseName();
		return us.sendingHosts().isEmpty() && host != null && us.ownsDomain(host);
	}

}
