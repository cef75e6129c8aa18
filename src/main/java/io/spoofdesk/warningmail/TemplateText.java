package io.spoofdesk.warningmail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mail template in a deliberately tiny, logic-less language: literal text and
 * {@code {{placeholder}}} tags naming one of a fixed set of strings. Nothing else is
 * accepted when a template is saved: no sections, inverted sections, partials, comments,
 * unescaped triples, delimiter changes or dotted names. Rendering looks names up in a
 * flat map of strings, so a template can never run code or reach an object, a bean or a
 * property it was not given.
 */
public final class TemplateText {

	private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");

	private final List<Part> parts;

	private TemplateText(List<Part> parts) {
		this.parts = parts;
	}

	/**
	 * Parses a template, refusing anything but text and known placeholders.
	 * @throws TemplateProblems listing every problem found
	 */
	public static TemplateText parse(String source, Set<String> known) {
		List<Part> parts = new ArrayList<>();
		Set<String> problems = new LinkedHashSet<>();
		String text = (source != null) ? source : "";
		int at = 0;
		while (at < text.length()) {
			int open = text.indexOf("{{", at);
			if (open < 0) {
				parts.add(new Part(text.substring(at), null));
				break;
			}
			if (open > at) {
				parts.add(new Part(text.substring(at, open), null));
			}
			int close = text.indexOf("}}", open + 2);
			if (close < 0) {
				problems.add("unclosed");
				break;
			}
			String tag = text.substring(open + 2, close);
			String name = tag.strip();
			if (!tag.isEmpty() && "#^/>=!&{".indexOf(tag.charAt(0)) >= 0) {
				problems.add("syntax:" + tag.charAt(0));
			}
			else if (!NAME.matcher(name).matches()) {
				problems.add("invalid:" + abbreviate(tag));
			}
			else if (!known.contains(name)) {
				problems.add("unknown:" + name);
			}
			else {
				parts.add(new Part(null, name));
			}
			at = close + 2;
			if (at < text.length() && text.charAt(at) == '}') {
				problems.add("syntax:{");
				at++;
			}
		}
		if (!problems.isEmpty()) {
			throw new TemplateProblems(List.copyOf(problems));
		}
		return new TemplateText(List.copyOf(parts));
	}

	/** Fills the placeholders from the map; a missing value renders empty. */
	public String render(Map<String, String> values) {
		StringBuilder out = new StringBuilder(256);
		for (Part part : this.parts) {
			if (part.literal() != null) {
				out.append(part.literal());
			}
			else {
				String value = values.get(part.name());
				if (value != null) {
					out.append(value);
				}
			}
		}
		return out.toString();
	}

	private static String abbreviate(String tag) {
		return (tag.length() > 30) ? tag.substring(0, 30) + "…" : tag;
	}

	private record Part(String literal, String name) {

	}

	/** Why a template was refused: codes like {@code unknown:partnerName}. */
	public static final class TemplateProblems extends RuntimeException {

		private final List<String> problems;

		TemplateProblems(List<String> problems) {
			super("Template refused: " + problems);
			this.problems = problems;
		}

		public List<String> problems() {
			return this.problems;
		}

	}

}
