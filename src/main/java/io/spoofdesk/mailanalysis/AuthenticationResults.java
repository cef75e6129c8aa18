package io.spoofdesk.mailanalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the one Authentication-Results header that may be believed: the topmost one
 * carrying the authserv-id of one of our receiving servers, else the topmost one overall
 * (added by the last receiving server). Every other one, including a lower header that
 * claims the same server's name, is only shown as unverified.
 */
final class AuthenticationResults {

	private static final Pattern RESULT = Pattern.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*([a-z]+)");

	private AuthenticationResults() {
	}

	static MailAnalysis.Authentication of(List<String> headers, List<String> receivingServers) {
		if (headers.isEmpty()) {
			return MailAnalysis.Authentication.none();
		}
		int trusted = 0;
		for (int i = 0; i < headers.size(); i++) {
			if (receivingServers.contains(authservId(headers.get(i)))) {
				trusted = i;
				break;
			}
		}
		String header = headers.get(trusted);
		List<String> unverified = new ArrayList<>();
		for (int i = 0; i < headers.size(); i++) {
			if (i != trusted) {
				unverified.add(headers.get(i));
			}
		}
		return new MailAnalysis.Authentication(authservId(header), result(header, "spf"), result(header, "dkim"),
				result(header, "dmarc"), true, unverified);
	}

	static String authservId(String header) {
		int semicolon = header.indexOf(';');
		String id = (semicolon >= 0 ? header.substring(0, semicolon) : header).strip();
		int space = id.indexOf(' ');
		return (space >= 0 ? id.substring(0, space) : id).toLowerCase(Locale.ROOT);
	}

	/** The first result of a method ("pass", "fail", ...), or "none". */
	private static String result(String header, String method) {
		Matcher matcher = RESULT.matcher(header);
		while (matcher.find()) {
			if (matcher.group(1).equalsIgnoreCase(method)) {
				return matcher.group(2).toLowerCase(Locale.ROOT);
			}
		}
		return "none";
	}

}
