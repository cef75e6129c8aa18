package io.spoofdesk.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an authentication attempt (form login post, HTTP Basic or bearer token) while
 * its user name or client address is blocked by {@link AuthenticationThrottle}, before
 * any password is checked.
 */
class ThrottleFilter extends OncePerRequestFilter {

	private final AuthenticationThrottle throttle;

	private final ProblemResponses problems;

	private final Clock clock;

	ThrottleFilter(AuthenticationThrottle throttle, ProblemResponses problems, Clock clock) {
		this.throttle = throttle;
		this.problems = problems;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Attempt> attempt = attemptIn(request);
		if (attempt.isPresent()) {
			Optional<Instant> blocked = this.throttle.blockedUntil(attempt.get().username(), request.getRemoteAddr());
			if (blocked.isPresent()) {
				refuse(request, response, attempt.get(), blocked.get());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Attempt attempt, Instant until)
			throws IOException {
		long seconds = Math.max(1, AuthenticationThrottle.retryAfter(until, this.clock).toSeconds());
		if (attempt.formLogin()) {
			response.sendRedirect(request.getContextPath() + "/login?throttled");
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		this.problems.write(request, response, 429, "error.429");
	}

	private static Optional<Attempt> attemptIn(HttpServletRequest request) {
		if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
			return Optional.of(new Attempt(request.getParameter("username"), true));
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			return Optional.empty();
		}
		if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.of(new Attempt(basicUsername(header.substring(6).trim()), false));
		}
		if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.of(new Attempt(null, false));
		}
		return Optional.empty();
	}

	private static String basicUsername(String encoded) {
		try {
			String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon >= 0) ? decoded.substring(0, colon) : decoded;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private record Attempt(String username, boolean formLogin) {

	}

}
