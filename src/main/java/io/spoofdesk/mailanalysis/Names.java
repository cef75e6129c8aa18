package io.spoofdesk.mailanalysis;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Person and company names compared the way a reader sees them. */
final class Names {

	private static final Pattern COMPANY_FORMS = Pattern.compile(
			"株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|\\(株\\)|\\(有\\)|co\\.,?ltd\\.?|inc\\.?|corporation|corp\\.|ltd\\.|llc");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u3000・･\"'“”]+");

	private Names() {
	}

	/**
	 * A name reduced for matching: NFKC (so ㈱ and full-width letters fold), lower case,
	 * no spaces, no company form such as 株式会社.
	 */
	static String matchKey(String name) {
		if (name == null) {
			return "";
		}
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		folded = SPACES.matcher(folded).replaceAll("");
		return COMPANY_FORMS.matcher(folded).replaceAll("");
	}

	/**
	 * Whether a key is long enough to be recognised inside another name: two characters
	 * of Japanese, four of Latin script.
	 */
	static boolean isDistinctive(String key) {
		if (key.isEmpty()) {
			return false;
		}
		boolean ascii = key.chars().allMatch(c -> c < 0x80);
		return key.length() >= (ascii ? 4 : 2);
	}

}
