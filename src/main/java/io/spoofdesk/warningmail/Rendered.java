package io.spoofdesk.warningmail;

import org.springframework.web.util.HtmlUtils;

/**
 * A template filled in: plain text for mail, and for the website notice an HTML block
 * made by escaping that text (the template cannot put markup into the page).
 */
public record Rendered(String subject, String body) {

	/** The body as an HTML block: escaped, blank lines as paragraphs, lines as breaks. */
	public String html() {
		StringBuilder html = new StringBuilder();
		for (String paragraph : this.body.strip().split("\\R\\s*\\R")) {
			html.append("<p>")
				.append(HtmlUtils.htmlEscape(paragraph.strip()).replaceAll("\\R", "<br>\n"))
				.append("</p>\n");
		}
		return html.toString();
	}

}
