package io.spoofdesk.incident;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The searchable text of an incident and its character bigrams. Japanese has no spaces
 * and many words of two characters (請求, 発注), which trigram indexes never find; every word
 * of two or more characters contains its own bigrams, so "bigrams of the query ⊆ bigrams
 * of the text" narrows the search by a GIN index, and a LIKE on the text confirms it.
 * Text is NFKC normalised (full-width ＡＢＣ and half-width ｶﾅ match their usual forms) and
 * lower-cased.
 */
record SearchText(String text, List<String> grams) {

	static SearchText of(String... parts) {
		String text = Arrays.stream(parts)
			.filter(Objects::nonNull)
			.map(SearchText::normalise)
			.filter(part -> !part.isBlank())
			.collect(Collectors.joining("\n"));
		return new SearchText(text, List.copyOf(gramsOf(text)));
	}

	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
	}

	/** Bigrams of code points that contain no white space. */
	static Set<String> gramsOf(String normalised) {
		int[] codePoints = normalised.codePoints().toArray();
		Set<String> grams = new LinkedHashSet<>();
		for (int i = 0; i + 1 < codePoints.length; i++) {
			if (!Character.isWhitespace(codePoints[i]) && !Character.isWhitespace(codePoints[i + 1])) {
				grams.add(new String(codePoints, i, 2));
			}
		}
		return grams;
	}

}
