package io.spoofdesk.mailanalysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the subject and body give away: a password written in the mail (paired with an
 * encrypted archive, the PPAP pattern), active HTML, a quoted reply chain (Emotet answers
 * stolen threads), and links.
 */
final class BodyChecks {

	private static final Pattern PASSWORD = Pattern.compile(
			"(?iu)(パスワード|パスワ－ド|ﾊﾟｽﾜｰﾄﾞ|暗証番号|解凍キー|解凍パス|password|passcode|passwd|pass|pw)\\s*(?:は|:|：|=|＝)\\s*[「『\"']?([\\x21-\\x7e]{4,32})");

	private static final Pattern REPLY_SUBJECT = Pattern
		.compile("(?iu)^\\s*(re|fw|fwd|返信|転送|ｒｅ)\\s*(\\[\\d+\\])?\\s*[:：]");

	private static final String[] PASSWORD_WORDS = { "パスワ", "ﾊﾟｽﾜ", "暗証番号", "解凍", "pass", "pw" };

	private BodyChecks() {
	}

	static void check(String subject, Body body, List<MailAnalysis.Attachment> attachments, List<String> urls,
			Map<IndicatorCode, Text> indicators) {
		if (mentionsPassword(body.text())) {
			boolean encrypted = attachments.stream()
				.anyMatch(attachment -> attachment.flags().contains(IndicatorCode.ENCRYPTED_ARCHIVE));
			indicators.put(IndicatorCode.PASSWORD_IN_BODY, encrypted ? new Text(
					"本文にパスワードが書かれ、パスワード付き ZIP が添付されています (PPAP、Emotet の手口)。",
					"The body gives a password and an encrypted archive is attached (the PPAP pattern Emotet used).")
					: new Text("本文にパスワードが書かれています (パスワード付きファイルを開かせる手口)。",
							"The body gives a password (a way to get an encrypted file opened)."));
		}
		if (!body.activeContent().isEmpty()) {
			String what = String.join(", ", body.activeContent().stream().distinct().limit(5).toList());
			indicators.put(IndicatorCode.HTML_ACTIVE_CONTENT, new Text("HTML 本文に動的な内容があります: " + what + "。",
					"The HTML body carries active content: " + what + "."));
		}
		boolean replySubject = subject != null && REPLY_SUBJECT.matcher(subject).find();
		boolean quoted = quotesEarlierMail(body.text());
		if (replySubject || quoted) {
			indicators.put(IndicatorCode.REPLY_CHAIN, new Text("過去のやり取りへの返信の形をとっています。Emotet は盗んだメールの返信を装います。",
					"Written as a reply to an earlier conversation; Emotet replies to stolen threads."));
		}
		if (!urls.isEmpty()) {
			indicators.put(IndicatorCode.URL_PRESENT,
					new Text("URL が " + urls.size() + " 件含まれています。", urls.size() + " URL(s) in the mail."));
		}
	}

	/** A password keyword followed by a value; the cheap keyword search runs first. */
	static boolean mentionsPassword(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		boolean keyword = false;
		for (String word : PASSWORD_WORDS) {
			if (lower.contains(word)) {
				keyword = true;
				break;
			}
		}
		return keyword && PASSWORD.matcher(text).find();
	}

	/**
	 * Whether the text quotes an earlier mail: an "Original Message" separator, a
	 * "wrote:" line (in English or Japanese), a From:/Sent: header block, or two lines
	 * quoted with "&gt;".
	 */
	static boolean quotesEarlierMail(String text) {
		int quotedLines = 0;
		String previous = "";
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			String line = text.substring(start, end).strip().toLowerCase(Locale.ROOT);
			if (line.startsWith(">") || line.startsWith("＞")) {
				quotedLines++;
			}
			if (quotedLines >= 2 || line.contains("original message") || line.contains("元のメッセージ")
					|| line.endsWith("wrote:") || line.endsWith("のメッセージ:") || line.endsWith("書きました:")
					|| previous.startsWith("from:")
							&& (line.startsWith("sent:") || line.startsWith("date:") || line.startsWith("送信日時:"))) {
				return true;
			}
			previous = line;
			start = end + 1;
		}
		return false;
	}

}
