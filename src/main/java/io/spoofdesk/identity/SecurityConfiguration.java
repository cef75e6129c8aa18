package io.spoofdesk.identity;

import java.time.Clock;
import java.util.List;

import io.spoofdesk.audit.AuditLog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * Three filter chains. Static files are public and stateless. The JSON API under
 * {@code /api/**} is stateless: HTTP Basic or a personal bearer token on every call, no
 * session cookie accepted, so no CSRF token is needed. Pages use form login on our own
 * page, with CSRF protection, session fixation protection and strict security headers.
 * What each role may do is checked on each controller as well.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(ThrottleProperties.class)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	/**
	 * No observation of Spring Security's own filters, authentication or authorisation
	 * (HTTP server metrics stay): with observations merely switched off by property,
	 * every filter of every request was still wrapped in an observing decorator.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Stylesheets, scripts, icons and WebJars: public files. */
	static final String[] STATIC_FILES = { "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg" };

	/**
	 * The security headers of static files: those of pages but the cache headers (each
	 * file says how long it may be kept). The files themselves are answered before any
	 * security filter (the web module's static-file filter writes these headers).
	 */
	@Bean
	HeaderWriter staticFileHeaders() {
		return new CompositeHeaderWriter(
				List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(), new HstsHeaderWriter(),
						new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
						new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
						new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN)));
	}

	/**
	 * A path under the static files that names no file: public and stateless, a 404 with
	 * the same headers (the files themselves never reach this chain).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain staticFilesMissing(HttpSecurity http, HeaderWriter staticFileHeaders) throws Exception {
		// no authorisation rule (every file is public) and none of the session, logout,
		// request-cache and servlet-API filters: only the headers are written
		http.securityMatcher(STATIC_FILES)
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(sessions -> sessions.disable())
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.anonymous(anonymous -> anonymous.disable())
			.logout(logout -> logout.disable())
			.servletApi(servletApi -> servletApi.disable())
			.exceptionHandling(exceptions -> exceptions.disable())
			.headers(headers -> headers.defaultsDisabled().addHeaderWriter(staticFileHeaders));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, ApiTokens tokens,
			AuthenticationThrottle throttle, AuditLog auditLog, Clock clock) throws Exception {
		BearerTokenFilter bearer = new BearerTokenFilter(tokens, throttle, auditLog, problems);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/users/**", "/api/v1/settings/**")
				.hasAnyRole(Permission.ADMINISTER.roleNames())
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.addFilterBefore(new ThrottleFilter(throttle, problems, clock), BearerTokenFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationThrottle throttle, ProblemResponses problems,
			AccountStates accounts, Clock clock) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/error", "/error/**", "/actuator/health", "/actuator/health/**",
					"/actuator/info")
			.permitAll()
			.requestMatchers("/admin/**", "/v3/api-docs*", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.hasAnyRole(Permission.ADMINISTER.roleNames())
			.requestMatchers("/", "/profile", "/profile/**")
			.authenticated()
			// every working page needs a role; finer rules are on the controllers'
			// methods
			// (checked here rather than by a class-level @PreAuthorize: method security
			// on the
			// incident list cost about a fifth of its throughput, docs/benchmarks.md)
			.anyRequest()
			.hasAnyRole(Permission.SEE_CASES.roleNames()))
			.formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).permitAll())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(toLoginPage()))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.headers(SecurityConfiguration::pageHeaders)
			.addFilterBefore(new ThrottleFilter(throttle, problems, clock), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new SessionAccountFilter(accounts), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * The headers of pages and of the files they load: CSP, referrer policy, no framing.
	 */
	private static HeadersConfigurer<HttpSecurity> pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
		return headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions(frames -> frames.deny());
	}

	/**
	 * To the sign-in page by a relative redirect: an absolute one is built from the
	 * request's Host header, which a proxy or cache in between may pass on forged.
	 */
	private static LoginUrlAuthenticationEntryPoint toLoginPage() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	/**
	 * One answer for every failure: a disabled account is checked before the password, so
	 * saying "disabled" would tell a stranger that the account exists.
	 */
	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, exception) -> response.sendRedirect(request.getContextPath() + "/login?error");
	}

}
