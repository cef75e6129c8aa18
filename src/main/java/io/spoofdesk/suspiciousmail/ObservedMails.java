package io.spoofdesk.suspiciousmail;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an incident's suspicious mails looked like, as a warning mail cites them: the
 * senders as shown, subjects and attachment names, from the mails in our name or from
 * those in a partner's name.
 */
@Service
public class ObservedMails {

	private final JdbcClient jdbc;

	ObservedMails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What the incident's mails that showed our name looked like, for warnings about mail
	 * in our name: senders as shown, subjects and attachment names (each distinct, at
	 * most {@code max}). A mail that impersonated a partner is not one of them.
	 */
	@Transactional(readOnly = true)
	public ObservedMail inOurName(long incidentId, int max) {
		return observed(incidentId, max, true);
	}

	/**
	 * The same for the incident's mails in a partner's name (impersonating the partner,
	 * or a stolen conversation), for telling that partner their side may be affected.
	 */
	@Transactional(readOnly = true)
	public ObservedMail inPartnersName(long incidentId, int max) {
		return observed(incidentId, max, false);
	}

	private ObservedMail observed(long incidentId, int max, boolean ourName) {
		Set<String> senders = new LinkedHashSet<>();
		Set<String> subjects = new LinkedHashSet<>();
		Set<String> files = new LinkedHashSet<>();
		this.jdbc
			.sql("""
					SELECT m.subject, m.from_address, m.analysis -> 'from' ->> 'display' AS display,
					       coalesce((SELECT array_agg(a ->> 'filename') FROM jsonb_array_elements(m.analysis -> 'attachments') a
					                 WHERE a ->> 'filename' IS NOT NULL), '{}') AS files
					FROM incident_mail m
					WHERE m.incident_id = ? AND CASE WHEN ?
					  THEN m.triage_hint IN ('OUR_SYSTEMS_LIKELY_INFECTED', 'CONVERSATION_STOLEN', 'OUR_NAME_FORGED')
					       OR coalesce((m.analysis -> 'triage' ->> 'usesOurName')::boolean, false)
					  ELSE m.triage_hint IN ('PARTNER_IMPERSONATED', 'CONVERSATION_STOLEN')
					       OR NOT coalesce((m.analysis -> 'triage' ->> 'usesOurName')::boolean, false) END
					ORDER BY m.added_at, m.id""")
			.params(incidentId, ourName)
			.query((rs, n) -> {
				String display = rs.getString("display");
				String address = rs.getString("from_address");
				if (address != null && senders.size() < max) {
					senders.add((display != null && !display.isBlank()) ? display + " <" + address + ">" : address);
				}
				String subject = rs.getString("subject");
				if (subject != null && !subject.isBlank() && subjects.size() < max) {
					subjects.add(subject);
				}
				for (String file : (String[]) rs.getArray("files").getArray()) {
					if (files.size() < max) {
						files.add(file);
					}
				}
				return null;
			})
			.list();
		return new ObservedMail(List.copyOf(senders), List.copyOf(subjects), List.copyOf(files));
	}

	/**
	 * What mail in our name looked like: senders as shown, subjects, attachment names.
	 */
	public record ObservedMail(List<String> senders, List<String> subjects, List<String> attachmentNames) {

	}

}
