package io.spoofdesk.incident;

import java.util.List;

import io.spoofdesk.shared.Texts;

/**
 * The incident list's table rows, written directly instead of by a Thymeleaf
 * {@code th:each}: the list is the most requested page, and Thymeleaf's per-row iteration
 * was about a third of its CPU time (docs/benchmarks.md). The markup mirrors what the
 * template would produce. Every text is HTML-escaped; the only attribute built from data
 * is the link, from the numeric id.
 */
final class IncidentRowsHtml {

	private IncidentRowsHtml() {
	}

	static String of(List<IncidentListLine> lines) {
		StringBuilder html = new StringBuilder(lines.size() * 512);
		for (IncidentListLine line : lines) {
			html.append("<tr><td class=\"text-nowrap\"><a href=\"/incidents/")
				.append(line.id())
				.append("\">")
				.append(Texts.html(line.reference()))
				.append("</a></td><td class=\"text-break\">")
				.append(Texts.html(line.title()))
				.append("</td><td class=\"d-none d-md-table-cell\">")
				.append(Texts.html(line.partnerName()))
				.append("</td><td><span class=\"badge text-bg-secondary\">")
				.append(Texts.html(line.statusLabel()))
				.append("</span></td><td class=\"d-none d-sm-table-cell\"><span class=\"")
				.append(line.severe() ? "badge text-bg-danger" : "badge text-bg-light border")
				.append("\">")
				.append(Texts.html(line.severityLabel()))
				.append("</span></td><td class=\"d-none d-md-table-cell\">")
				.append(Texts.html(line.assignee()))
				.append("</td><td class=\"text-nowrap d-none d-sm-table-cell\">")
				.append(Texts.html(line.reportedAt()))
				.append("</td></tr>\n");
		}
		return html.toString();
	}

}
