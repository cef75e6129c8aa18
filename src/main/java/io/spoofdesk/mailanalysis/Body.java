package io.spoofdesk.mailanalysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The readable body of a mail: its text parts (or, when there are none, the text of its
 * HTML parts), the HTML link targets, and any active content found in the HTML.
 */
record Body(String text, List<String> htmlTexts, List<String> links, List<String> activeContent) {

	static Body of(ParsedMail mail, AnalysisLimits limits) {
		List<String> htmlTexts = new ArrayList<>();
		List<String> links = new ArrayList<>();
		List<String> active = new ArrayList<>();
		for (String html : mail.htmls) {
			HtmlBody read = HtmlBody.read(html);
			String htmlText = read.text();
			htmlTexts.add((htmlText.length() > limits.maxTextChars()) ? htmlText.substring(0, limits.maxTextChars())
					: htmlText);
			links.addAll(read.links());
			active.addAll(read.activeContent());
		}
		List<String> parts = mail.texts.isEmpty() ? htmlTexts : mail.texts;
		String text = String.join("\n\n", parts.stream().map(String::strip).toList());
		if (text.length() > limits.maxTextChars()) {
			text = text.substring(0, limits.maxTextChars());
		}
		return new Body(text, htmlTexts, links, active);
	}

	/**
	 * Every URL of the text and HTML parts, normalised, in order of appearance; one
	 * longer than {@link Urls#MAX_LENGTH} is cut there, with a warning.
	 */
	List<String> urls(AnalysisLimits limits, Warnings warnings) {
		Set<String> urls = new LinkedHashSet<>();
		Urls.collectFromText(this.text, urls, limits.maxUrls());
		this.htmlTexts.forEach(html -> Urls.collectFromText(html, urls, limits.maxUrls()));
		Urls.collectLinks(this.links, urls, limits.maxUrls());
		Set<String> capped = new LinkedHashSet<>();
		for (String url : urls) {
			if (url.length() > Urls.MAX_LENGTH) {
				warnings.add("a URL longer than " + Urls.MAX_LENGTH + " characters was cut");
				url = url.substring(0, Urls.MAX_LENGTH);
			}
			capped.add(url);
		}
		return List.copyOf(capped);
	}

}
