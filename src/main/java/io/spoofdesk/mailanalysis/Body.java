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
			htmlTexts.add(read.text());
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

	/** Every URL of the text and HTML parts, normalised, in order of appearance. */
	List<String> urls(AnalysisLimits limits) {
		Set<String> urls = new LinkedHashSet<>();
		Urls.collectFromText(this.text, urls, limits.maxUrls());
		this.htmlTexts.forEach(html -> Urls.collectFromText(html, urls, limits.maxUrls()));
		Urls.collectLinks(this.links, urls, limits.maxUrls());
		return List.copyOf(urls);
	}

}
