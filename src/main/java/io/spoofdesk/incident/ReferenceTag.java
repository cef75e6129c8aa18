package io.spoofdesk.incident;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The incident's reference in a mail subject, {@code [INC-2026-0042]}: every mail we send
 * about a case carries it, so that an answer finds its way back to the case (as RTIR
 * threads mail by the tag in the subject).
 */
public final class ReferenceTag {

	private static final Pattern TAG = Pattern.compile("\\[(INC-\\d{4}-\\d{4,9})]");

	private ReferenceTag() {
	}

	/** The subject with the case's tag in front, unless it carries it already. */
	public static String tagged(String reference, String subject) {
		String tag = "[" + reference + "]";
		return subject.contains(tag) ? subject : tag + " " + subject;
	}

	/** The reference a subject is tagged with, if any (the first). */
	public static Optional<String> in(String subject) {
		if (subject == null) {
			return Optional.empty();
		}
		Matcher matcher = TAG.matcher(subject);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

}
