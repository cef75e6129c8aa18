package io.spoofdesk.shared;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words for a refused change, as pages show them: a {@link ConflictException}'s own
 * message, "changed by X at T" for an {@link EditConflictException} (T in the company's
 * time zone), and the generic conflict text for anything else (a lost optimistic lock).
 */
@Component
public class ConflictMessages {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final MessageSource messages;

	private final CompanyTimeZone timeZone;

	ConflictMessages(MessageSource messages, CompanyTimeZone timeZone) {
		this.messages = messages;
		this.timeZone = timeZone;
	}

	public String of(RuntimeException refusal, Locale locale) {
		if (refusal instanceof ConflictException conflict) {
			return this.messages.getMessage(conflict.messageKey(), null, conflict.messageKey(), locale);
		}
		if (refusal instanceof EditConflictException edit) {
			return this.messages.getMessage("error.409.changedBy",
					new Object[] { edit.changedBy(), WHEN.format(edit.changedAt().atZone(this.timeZone.zoneId())) },
					locale);
		}
		return this.messages.getMessage("error.409.detail", null, locale);
	}

	/**
	 * The heading: "someone else changed this first" for a lost race, "this cannot be
	 * done now" for a change the current state refuses (a {@link ConflictException}: a
	 * step of a replaced checklist, a user name taken, a batch not in the right state).
	 */
	public String titleOf(RuntimeException refusal, Locale locale) {
		return this.messages.getMessage(
				(refusal instanceof ConflictException) ? "error.409.state.title" : "error.409.title", null, locale);
	}

}
