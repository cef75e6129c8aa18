package io.spoofdesk.warningmail;

import java.time.Instant;

import io.spoofdesk.shared.Versioned;

/** A mail template as pages and the API read it. */
public record MailTemplate(long id, Purpose purpose, String language, String subject, String body, Instant updatedAt,
		String updatedBy, long version) implements Versioned {

}
