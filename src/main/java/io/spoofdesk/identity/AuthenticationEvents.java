package io.spoofdesk.identity;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password authentications (form login and HTTP Basic): failures are counted for
 * throttling and audited; sign-ins on the login page are audited; every success clears
 * the user's count.
 */
@Component
class AuthenticationEvents {

	private final AuthenticationThrottle throttle;

	private final AuditLog auditLog;

	AuthenticationEvents(AuthenticationThrottle throttle, AuditLog auditLog) {
		this.throttle = throttle;
		this.auditLog = auditLog;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		this.throttle.recordFailure(attempt.getName(), addressOf(attempt));
		this.auditLog.recordAs(attempt.getName(), AuditEntry.of("LOGIN_FAILURE", "User", null)
			.withDetail(event.getException().getClass().getSimpleName()));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.throttle.recordSuccess(event.getAuthentication().getName(), addressOf(event.getAuthentication()));
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		Long id = (authentication.getPrincipal() instanceof SignedInUser user) ? user.id() : null;
		this.auditLog.recordAs(authentication.getName(), AuditEntry.of("LOGIN_SUCCESS", "User", id));
	}

	private static String addressOf(Authentication attempt) {
		return (attempt.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress() : null;
	}

}
