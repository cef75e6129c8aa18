package io.spoofdesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log's public API. Every module records its changes here, inside the
 * transaction of the change, so a change and its audit line are stored together or not at
 * all.
 */
@Service
public class AuditLog {

	/** The actor of changes made by SpoofDesk itself (first-run admin, demo data). */
	public static final String SYSTEM = "system";

	private final AuditEventRepository events;

	private final AuditQueries queries;

	private final Clock clock;

	AuditLog(AuditEventRepository events, AuditQueries queries, Clock clock) {
		this.events = events;
		this.queries = queries;
		this.clock = clock;
	}

	/**
	 * The history of one object, oldest first: an incident's or a partner's history tab.
	 */
	@Transactional(readOnly = true)
	public List<AuditLine> historyOf(String targetType, Object targetId) {
		return this.queries.historyOf(targetType, targetId.toString());
	}

	/** Records an entry by the signed-in user (or {@value #SYSTEM} outside a request). */
	@Transactional
	public void record(AuditEntry entry) {
		recordAs(currentActor(), entry);
	}

	/**
	 * Records an entry by a named actor, e.g. the user name typed into a failed login.
	 */
	@Transactional
	public void recordAs(String actor, AuditEntry entry) {
		this.events.save(new AuditEvent(Instant.now(this.clock), actor, entry, currentRemoteAddress()));
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		return authentication.getName();
	}

	private static String currentRemoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
