package io.spoofdesk.mailanalysis;

import java.util.List;
import java.util.Locale;

/**
 * Earlier mail quoted in a body, in the shapes Japanese and English mail clients write
 * it: a separator ({@code -----Original Message-----}, {@code -----元のメッセージ-----}), a
 * header block ({@code From:}, {@code 差出人:}, {@code 送信者:}), an attribution line
 * ({@code On … wrote:}, {@code 2022年10月3日 … <a@b>:}) or {@code > } lines. Emotet quotes
 * mail stolen from an infected PC, so a quote that names one of our addresses or our
 * staff tells that a conversation of ours has leaked.
 *
 * <p>
 * Reads each line once and compares it with plain string operations: the text comes from
 * a hostile mail, so nothing here may cost more than linear time.
 */
final class QuotedMail {

	/** Longer lines are looked at only this far. */
	private static final int MAX_LINE = 1_000;

	private static final List<String> SEPARATOR_WORDS = List.of("original message", "元のメッセージ", "forwarded message",
			"転送メッセージ", "original", "オリジナル");

	private QuotedMail() {
	}

	/** A quoted line and what of ours it names. */
	record Quote(String line, String ours) {

	}

	/**
	 * The first quoted line that names one of our addresses, our staff or our company.
	 */
	static Quote namingUs(String text, AnalysisContext.Us us) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		boolean inQuote = false;
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			String line = text.substring(start, Math.min(end, start + MAX_LINE)).strip();
			start = end + 1;
			boolean opensQuote = isFromHeader(line) || isAttribution(line);
			boolean quoted = inQuote || opensQuote || isQuoteMark(line);
			if (opensQuote || isSeparator(line)) {
				inQuote = true;
			}
			if (quoted) {
				String ours = oursIn(line, us);
				if (ours != null) {
					return new Quote(line, ours);
				}
			}
		}
		return null;
	}

	private static boolean isQuoteMark(String line) {
		return line.startsWith(">") || line.startsWith("＞") || line.startsWith("|");
	}

	/** {@code -----Original Message-----}, {@code ---- 元のメッセージ ----}, Outlook's rule. */
	static boolean isSeparator(String line) {
		if (line.length() >= 10 && line.chars().allMatch(c -> c == '_' || c == '-' || c == '=')) {
			return true;
		}
		if (!line.startsWith("--") && !line.startsWith("==") && !line.startsWith("＿")) {
			return false;
		}
		String lower = line.toLowerCase(Locale.ROOT);
		return SEPARATOR_WORDS.stream().anyMatch(lower::contains);
	}

	private static boolean isFromHeader(String line) {
		String name = headerName(line);
		return name != null && (name.equals("from") || name.equals("差出人") || name.equals("送信者") || name.equals("送信元"));
	}

	/** The lower-case name before a colon (ASCII or full-width) at the start, or null. */
	private static String headerName(String line) {
		int colon = -1;
		for (int i = 0; i < Math.min(line.length(), 12); i++) {
			char c = line.charAt(i);
			if (c == ':' || c == '：') {
				colon = i;
				break;
			}
		}
		return colon <= 0 ? null : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * {@code On Mon, 3 Oct 2022, Sato <sato@…> wrote:}, {@code … さんは書きました:}, or a line
	 * that ends with an address and a colon ({@code 2022年10月3日(月) 10:00 佐藤 <sato@…>:}).
	 */
	static boolean isAttribution(String line) {
		if (endsWithIgnoringCase(line, "wrote:") || line.endsWith("書きました:") || line.endsWith("書きました：")
				|| endsWithIgnoringCase(line, "write:")) {
			return true;
		}
		return (line.endsWith(">:") || line.endsWith(">：")) && line.indexOf('@') > 0;
	}

	/**
	 * Compared in place: a lower-cased copy of every line was a tenth of the analysis.
	 */
	private static boolean endsWithIgnoringCase(String line, String suffix) {
		return line.regionMatches(true, line.length() - suffix.length(), suffix, 0, suffix.length());
	}

	/**
	 * One of our addresses, a staff name or our company name written in the line, or
	 * null.
	 */
	private static String oursIn(String line, AnalysisContext.Us us) {
		for (String address : MailAddresses.addressesIn(line)) {
			if (us.ownsDomain(MailAddresses.domainOf(address))) {
				return address;
			}
		}
		return us.ourNameIn(line);
	}

}
