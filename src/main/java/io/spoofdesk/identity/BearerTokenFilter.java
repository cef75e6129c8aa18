package io.spoofdesk.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <personal token>}. An
 * unknown or revoked token is answered 401 at once and counts as a failed attempt.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

	private final ApiTokens tokens;

	private final AuthenticationThrottle throttle;

	private final AuditLog auditLog;

	private final ProblemResponses problems;

	BearerTokenFilter(ApiTokens tokens, AuthenticationThrottle throttle, AuditLog auditLog, ProblemResponses problems) {
		this.tokens = tokens;
		this.throttle = throttle;
		this.auditLog = auditLog;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<SignedInUser> user = this.tokens.authenticate(header.substring(7).trim());
		if (user.isEmpty()) {
			this.throttle.recordFailure(null, request.getRemoteAddr());
			this.auditLog.recordAs("(token)",
					AuditEntry.of("LOGIN_FAILURE", "ApiToken", null).withDetail("unknown or revoked token"));
			this.problems.commence(request, response, null);
			return;
		}
		UsernamePasswordAuthenticationToken authentication = new TokenAuthentication(user.get());
		authentication.setDetails(this.details.buildDetails(request));
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(authentication);
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

	/** Signed in with an API token: such a request may not make more tokens. */
	static final class TokenAuthentication extends UsernamePasswordAuthenticationToken {

		TokenAuthentication(SignedInUser user) {
			super(user, null, user.getAuthorities());
		}

	}

}
