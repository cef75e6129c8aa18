package io.spoofdesk.warningmail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.shared.InvalidRequestException;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.OptimisticLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.MapBindingResult;

/**
 * The warning-mail templates: one per purpose and language. A template is checked when it
 * is saved (only text and known placeholders), so rendering can never fail or surprise.
 */
@Service
public class MailTemplates {

	static final String TARGET = "MailTemplate";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	MailTemplates(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<MailTemplate> all() {
		return this.jdbc.sql("SELECT * FROM mail_template ORDER BY purpose, language DESC")
			.query((rs, n) -> template(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public MailTemplate get(long id) {
		return this.jdbc.sql("SELECT * FROM mail_template WHERE id = ?")
			.param(id)
			.query((rs, n) -> template(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(TARGET, id));
	}

	@Transactional(readOnly = true)
	public MailTemplate get(Purpose purpose, String language) {
		return this.jdbc.sql("SELECT * FROM mail_template WHERE purpose = ? AND language = ?")
			.params(purpose.name(), language)
			.query((rs, n) -> template(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(TARGET, purpose + "/" + language));
	}

	/**
	 * Saves a template if it is valid and nobody saved it since {@code expectedVersion}.
	 * @throws InvalidRequestException naming the field and the problems, with the valid
	 * placeholders
	 */
	@Transactional
	public MailTemplate save(long id, String subject, String body, Long expectedVersion) {
		MailTemplate before = get(id);
		check(subject, body);
		OptimisticLock.expect(expectedVersion, before);
		int updated = this.jdbc.sql("""
				UPDATE mail_template SET subject = ?, body = ?, updated_at = ?, updated_by = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(subject.strip(), body, Timestamp.from(Instant.now(this.clock)), CurrentUser.username(), id,
					before.version())
			.update();
		OptimisticLock.updated(updated, () -> get(id));
		if (!before.subject().equals(subject.strip())) {
			this.auditLog
				.record(AuditEntry.change("TEMPLATE_SAVED", TARGET, id, "subject", before.subject(), subject.strip()));
		}
		if (!before.body().equals(body)) {
			this.auditLog.record(AuditEntry.change("TEMPLATE_SAVED", TARGET, id, "body", before.body(), body));
		}
		return get(id);
	}

	/** Fills a template with sample values, or names what is wrong with it. */
	public Rendered preview(String subject, String body, String language) {
		check(subject, body);
		return render(subject, body, Placeholders.samples(language));
	}

	/** Fills a saved template for one recipient. */
	public Rendered render(MailTemplate template, Map<String, String> values) {
		return render(template.subject(), template.body(), values);
	}

	static Rendered render(String subject, String body, Map<String, String> values) {
		Map<String, String> singleLine = new HashMap<>(values);
		// a subject is one header line: values from attackers' mails lose their line
		// breaks
		singleLine.replaceAll((name, value) -> (value != null) ? value.replaceAll("[\\r\\n]+", " ") : null);
		return new Rendered(TemplateText.parse(subject, Placeholders.ALL).render(singleLine).strip(),
				TemplateText.parse(body, Placeholders.ALL).render(values));
	}

	/** Both parts parse; a subject is a single line; problems are field errors. */
	static void check(String subject, String body) {
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "template");
		String validNames = String.join(", ", Placeholders.ALL.stream().sorted().map(n -> "{{" + n + "}}").toList());
		if (subject == null || subject.isBlank() || subject.length() > 500) {
			errors.rejectValue("subject", "template.subject.required");
		}
		else if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
			errors.rejectValue("subject", "template.subject.singleLine");
		}
		else {
			problems(subject, "subject", errors, validNames);
		}
		if (body == null || body.isBlank() || body.length() > 50_000) {
			errors.rejectValue("body", "template.body.required");
		}
		else {
			problems(body, "body", errors, validNames);
		}
		if (errors.hasErrors()) {
			throw new InvalidRequestException(errors);
		}
	}

	private static void problems(String text, String field, MapBindingResult errors, String validNames) {
		try {
			TemplateText.parse(text, Placeholders.ALL);
		}
		catch (TemplateText.TemplateProblems ex) {
			errors.rejectValue(field, "template.invalid", new Object[] { String.join(", ", ex.problems()), validNames },
					null);
		}
	}

	private static MailTemplate template(ResultSet rs) throws SQLException {
		return new MailTemplate(rs.getLong("id"), Purpose.valueOf(rs.getString("purpose")), rs.getString("language"),
				rs.getString("subject"), rs.getString("body"), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("updated_by"), rs.getLong("version"));
	}

}
