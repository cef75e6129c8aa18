package io.spoofdesk.mailanalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML body read without ever rendering it: its text (line breaks kept at block
 * elements), the link targets, and whether it carries active content (scripts, event
 * handlers, javascript: links, frames, forms, refresh).
 */
record HtmlBody(String text, List<String> links, List<String> activeContent) {

	private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
			"table", "ul", "ol", "blockquote", "pre", "hr", "section", "article", "header", "footer");

	private static final Set<String> ACTIVE_ELEMENTS = Set.of("script", "iframe", "frame", "object", "embed", "applet",
			"form", "base");

	private static final Set<String> LINK_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data",
			"background", "poster");

	static HtmlBody read(String html) {
		Document document = Jsoup.parse(html);
		StringBuilder text = new StringBuilder();
		List<String> links = new ArrayList<>();
		List<String> active = new ArrayList<>();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					if (!(node.parent() instanceof Element parent && isHidden(parent))) {
						appendCollapsed(text, textNode.getWholeText());
					}
				}
				else if (node instanceof Element element) {
					inspect(element, links, active);
					if (BLOCKS.contains(element.normalName()) && !text.isEmpty()
							&& text.charAt(text.length() - 1) != '\n') {
						text.append('\n');
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && BLOCKS.contains(element.normalName()) && !text.isEmpty()
						&& text.charAt(text.length() - 1) != '\n') {
					text.append('\n');
				}
			}
		}, document);
		return new HtmlBody(text.toString().strip(), links, active);
	}

	/**
	 * Appends the text as {@code TextNode.text()} answers it (jsoup's
	 * {@code StringUtil.appendNormalisedWhitespace}): each run of white space (space,
	 * tab, line feed, form feed, carriage return, no-break space) as one space,
	 * zero-width spaces and soft hyphens left out. The characters between are appended as
	 * whole runs, not one code point at a time (that was a tenth of the analysis' time).
	 */
	static void appendCollapsed(StringBuilder out, String text) {
		int run = 0;
		boolean lastWasWhite = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean white = c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0';
			if (white || c == '\u200b' || c == '\u00ad') {
				out.append(text, run, i);
				run = i + 1;
				if (white && !lastWasWhite) {
					out.append(' ');
					lastWasWhite = true;
				}
			}
			else {
				lastWasWhite = false;
			}
		}
		out.append(text, run, text.length());
	}

	private static boolean isHidden(Element element) {
		String name = element.normalName();
		return name.equals("script") || name.equals("style") || name.equals("title") || name.equals("head");
	}

	private static void inspect(Element element, List<String> links, List<String> active) {
		String name = element.normalName();
		if (ACTIVE_ELEMENTS.contains(name)) {
			active.add("<" + name + ">");
		}
		if (name.equals("meta") && "refresh".equalsIgnoreCase(element.attr("http-equiv"))) {
			active.add("<meta http-equiv=refresh>");
		}
		for (Attribute attribute : element.attributes()) {
			String key = attribute.getKey().toLowerCase(Locale.ROOT);
			String value = attribute.getValue().strip();
			if (key.startsWith("on")) {
				active.add(key + "=");
			}
			if (LINK_ATTRIBUTES.contains(key)) {
				String lower = value.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
				if (lower.startsWith("javascript:") || lower.startsWith("vbscript:")
						|| lower.startsWith("data:text/html")) {
					active.add(key + "=" + lower.substring(0, lower.indexOf(':') + 1));
				}
				else if (key.equals("href") || key.equals("action") || key.equals("formaction")) {
					links.add(value);
				}
			}
		}
	}

}
