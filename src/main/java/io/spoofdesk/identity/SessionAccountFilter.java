package io.spoofdesk.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session true to its account: when an administrator disables the
 * account, or its password is reset or changed elsewhere, or the account is deleted, the
 * session ends at its next request (to the sign-in page, "signed out because your account
 * changed"); when its roles change, the session goes on with the new roles. Without this
 * a disabled account — say one whose password leaked in the incident — kept working for
 * the rest of its 8-hour session.
 */
class SessionAccountFilter extends OncePerRequestFilter {

	private final AccountStates accounts;

	/** Where a signed-in page session keeps its principal. */
	private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

	SessionAccountFilter(AccountStates accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			Optional<AccountStates.State> now = this.accounts.of(user.id());
			if (now.isEmpty() || !now.get().enabled() || !now.get().passwordHash().equals(user.passwordHash())) {
				end(request, response);
				return;
			}
			if (!now.get().roles().equals(user.roles())) {
				replacePrincipal(user.withRoles(now.get().roles()), request, response);
			}
		}
		chain.doFilter(request, response);
	}

	private static void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		String login = request.getContextPath() + "/login?expired";
		if (request.getHeader("HX-Request") != null) {
			// htmx would follow a redirect into the fragment it is replacing
			response.setHeader("HX-Redirect", login);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		response.sendRedirect(login);
	}

	/** Puts an updated principal into the request's session (roles, password hash). */
	static void replacePrincipal(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		SESSIONS.saveContext(context, request, response);
	}

}
