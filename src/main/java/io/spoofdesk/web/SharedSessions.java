package io.spoofdesk.web;

import java.time.Duration;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions in the database (Spring Session JDBC, tables from Flyway V16) for deployments
 * of several instances behind one address, switched on by
 * {@code spoofdesk.sessions.shared=true}. Off by default: one instance keeps its sessions
 * in memory, which is faster and needs no clean-up job. Boot's own session
 * auto-configuration is excluded in {@code SpoofDeskApplication} (it would switch JDBC
 * sessions on whenever the library is present); what it would set up is done here: the
 * session lifetime from {@code server.servlet.session.timeout} and the filter on every
 * dispatch, error pages included. The cookie is Spring Session's {@code SESSION}:
 * HttpOnly, SameSite=Lax, Secure over HTTPS, as the in-memory session cookie.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spoofdesk.sessions.shared")
@EnableJdbcHttpSession
class SharedSessions {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionLifetime(
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		return repository -> repository.setDefaultMaxInactiveInterval(timeout);
	}

	@Bean
	FilterRegistrationBean<SessionRepositoryFilter<?>> sharedSessionFilter(SessionRepositoryFilter<?> filter) {
		FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
		return registration;
	}

}
