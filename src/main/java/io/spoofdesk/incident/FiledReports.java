package io.spoofdesk.incident;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * The report forms this session has already filed, by the one-time token each new-report
 * form carries: the browser's Back button and a second click on 登録 post the same form
 * again, and the helpdesk would get a second copy of the case without noticing. Kept in
 * the session (the last {@link #KEPT}); serialisable, for sessions shared between
 * instances.
 */
final class FiledReports {

	static final String ATTRIBUTE = FiledReports.class.getName();

	static final int KEPT = 50;

	private FiledReports() {
	}

	static String newToken() {
		return UUID.randomUUID().toString();
	}

	/** The incident a form with this token already opened, if any. */
	static Optional<Long> incidentFiledBy(HttpSession session, String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return Optional.ofNullable(filed(session).get(token));
	}

	static void remember(HttpSession session, String token, long incidentId) {
		if (token == null || token.isBlank()) {
			return;
		}
		LinkedHashMap<String, Long> filed = filed(session);
		filed.put(token, incidentId);
		while (filed.size() > KEPT) {
			filed.remove(filed.keySet().iterator().next());
		}
		session.setAttribute(ATTRIBUTE, filed); // set again: a shared session saves on
												// set
	}

	@SuppressWarnings("unchecked")
	private static LinkedHashMap<String, Long> filed(HttpSession session) {
		Object kept = session.getAttribute(ATTRIBUTE);
		return (kept instanceof LinkedHashMap<?, ?> map) ? (LinkedHashMap<String, Long>) map : new LinkedHashMap<>();
	}

}
