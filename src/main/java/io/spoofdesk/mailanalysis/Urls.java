package io.spoofdesk.mailanalysis;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * URLs found in text and link targets, normalised (scheme and host in lower case, default
 * port dropped, trailing punctuation cut) and de-duplicated in order of appearance. Only
 * web and FTP addresses count; {@code javascript:} and friends are active content, not
 * URLs.
 */
public final class Urls {

	/**
	 * Longer URLs are cut to this length (browsers and IOC feeds keep to about 2,000).
	 */
	public static final int MAX_LENGTH = 2_048;

	private static final String[] SCHEMES = { "https", "http", "ftp" };

	private static final String STOP = "<>\"'`「」『』（）【】、。，　";

	private static final String TRAILING = ".,;:!?)]}>'\"”’」』）】、。";

	private Urls() {
	}

	/**
	 * URLs written in text. Found by looking for "://" and "www." first: a regular
	 * expression tried at every position of a long body was the slow part of analysis.
	 */
	static void collectFromText(String text, Set<String> urls, int max) {
		int at = 0;
		int scheme = -2;
		int www = -2;
		while (urls.size() < max) {
			// each search continues from where it last stopped, so long texts stay linear
			if (scheme != -1 && scheme < at) {
				scheme = text.indexOf("://", at);
			}
			if (www != -1 && www < at) {
				www = indexOfWww(text, at);
			}
			if (scheme < 0 && www < 0) {
				return;
			}
			int start = (www >= 0 && (scheme < 0 || www < scheme - 5)) ? www : schemeStart(text, scheme);
			if (start < 0) {
				at = scheme + 3;
				continue;
			}
			int end = start;
			while (end < text.length() && STOP.indexOf(text.charAt(end)) < 0
					&& !Character.isWhitespace(text.charAt(end))) {
				end++;
			}
			add(text.substring(start, end), urls);
			at = Math.max(end, start + 4);
		}
	}

	/** Where "http", "https" or "ftp" begins right before "://", or -1. */
	private static int schemeStart(String text, int separator) {
		for (String scheme : SCHEMES) {
			int start = separator - scheme.length();
			if (start >= 0 && text.regionMatches(true, start, scheme, 0, scheme.length())) {
				return start;
			}
		}
		return -1;
	}

	private static int indexOfWww(String text, int from) {
		for (int i = from; i + 4 <= text.length(); i++) {
			char c = text.charAt(i);
			if ((c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4)
					&& (i == 0 || text.charAt(i - 1) != '/' && text.charAt(i - 1) != '.')) {
				return i;
			}
		}
		return -1;
	}

	static void collectLinks(Collection<String> links, Set<String> urls, int max) {
		for (String link : links) {
			if (urls.size() >= max) {
				return;
			}
			add(link, urls);
		}
	}

	private static void add(String candidate, Set<String> urls) {
		String normalised = normalise(candidate);
		if (normalised != null) {
			urls.add(normalised);
		}
	}

	static String normalise(String raw) {
		String url = raw.strip();
		int end = url.length();
		while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
			end--;
		}
		url = url.substring(0, end);
		if (url.regionMatches(true, 0, "www.", 0, 4)) {
			url = "http://" + url;
		}
		int schemeEnd = url.indexOf("://");
		if (schemeEnd <= 0) {
			return null;
		}
		String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ftp")) {
			return null;
		}
		String rest = url.substring(schemeEnd + 3);
		int pathStart = indexOfAny(rest, "/?#");
		String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
		String path = pathStart < 0 ? "" : rest.substring(pathStart);
		authority = authority.toLowerCase(Locale.ROOT);
		if (authority.isEmpty()) {
			return null;
		}
		if (scheme.equals("http") && authority.endsWith(":80")) {
			authority = authority.substring(0, authority.length() - 3);
		}
		else if (scheme.equals("https") && authority.endsWith(":443")) {
			authority = authority.substring(0, authority.length() - 4);
		}
		return scheme + "://" + authority + path;
	}

	/** The host of a normalised URL (without user info and port). */
	public static String host(String url) {
		String rest = url.substring(url.indexOf("://") + 3);
		int end = indexOfAny(rest, "/?#");
		String authority = end < 0 ? rest : rest.substring(0, end);
		authority = authority.substring(authority.lastIndexOf('@') + 1);
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			return close > 0 ? authority.substring(1, close) : authority;
		}
		int colon = authority.indexOf(':');
		return colon >= 0 ? authority.substring(0, colon) : authority;
	}

	/** For display only: {@code hxxps://example[.]com/...}, never clickable. */
	public static String defang(String url) {
		String host = host(url);
		String defangedScheme = url.replaceFirst("^http", "hxxp").replaceFirst("^ftp", "fxp");
		return defangedScheme.replace(host, host.replace(".", "[.]"));
	}

	private static int indexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

}
