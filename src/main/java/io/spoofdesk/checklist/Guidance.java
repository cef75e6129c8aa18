package io.spoofdesk.checklist;

import org.springframework.web.util.HtmlUtils;

/**
 * Guidance text with simple formatting, rendered safely: everything is escaped first;
 * then blank lines separate paragraphs and lines starting with "- " become a list. No
 * links, no markup from the text itself.
 */
final class Guidance {

	public String html(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		StringBuilder html = new StringBuilder();
		boolean inList = false;
		boolean inParagraph = false;
		for (String raw : text.strip().split("\\R", -1)) {
			String line = raw.strip();
			boolean item = line.startsWith("- ") || line.startsWith("・");
			if (inParagraph && (line.isEmpty() || item)) {
				html.append("</p>");
				inParagraph = false;
			}
			if (inList && !item) {
				html.append("</ul>");
				inList = false;
			}
			if (line.isEmpty()) {
				continue;
			}
			if (item) {
				if (!inList) {
					html.append("<ul class=\"mb-2\">");
					inList = true;
				}
				html.append("<li>")
					.append(HtmlUtils.htmlEscape(line.substring(line.startsWith("- ") ? 2 : 1).strip()))
					.append("</li>");
			}
			else {
				html.append(inParagraph ? "<br>" : "<p class=\"mb-2\">");
				inParagraph = true;
				html.append(HtmlUtils.htmlEscape(line));
			}
		}
		if (inParagraph) {
			html.append("</p>");
		}
		if (inList) {
			html.append("</ul>");
		}
		return html.toString();
	}

}
