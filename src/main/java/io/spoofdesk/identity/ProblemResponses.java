package io.spoofdesk.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * problem+json answers written by the security filters of the API (401, 403, 429), in the
 * caller's language, before any controller is reached.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final MessageSource messages;

	private final JsonMapper json;

	private final LocaleResolver localeResolver;

	ProblemResponses(MessageSource messages, JsonMapper json, LocaleResolver localeResolver) {
		this.messages = messages;
		this.json = json;
		this.localeResolver = localeResolver;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		// no Basic challenge: a browser would prompt, then cache the typed credentials
		// and send
		// them with cross-site form posts; API clients send Basic or Bearer unasked
		response.setHeader("WWW-Authenticate", "Bearer realm=\"SpoofDesk\"");
		write(request, response, 401, "error.401");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		write(request, response, 403, "error.403");
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String key) throws IOException {
		Locale locale = this.localeResolver.resolveLocale(request);
		Problem problem = new Problem("about:blank", this.messages.getMessage(key + ".title", null, locale), status,
				this.messages.getMessage(key + ".detail", null, locale), request.getRequestURI());
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	private record Problem(String type, String title, int status, String detail, String instance) {

	}

}
