package io.spoofdesk.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: Japanese first, English second. The browser's preference decides until the
 * user picks one with the switcher ({@code ?lang=en}), which is remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("spoofdesk-lang") {
			@Override
			public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
					LocaleContext localeContext) {
				Locale locale = (localeContext != null) ? localeContext.getLocale() : null;
				if (locale == null || SUPPORTED.stream().anyMatch(s -> s.getLanguage().equals(locale.getLanguage()))) {
					super.setLocaleContext(request, response, localeContext);
				}
			}
		};
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(WebConfiguration::browserLocale);
		return resolver;
	}

	static Locale browserLocale(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return Locale.JAPANESE;
		}
		for (Locale wanted : Collections.list(request.getLocales())) {
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(wanted.getLanguage())) {
					return supported;
				}
			}
		}
		return Locale.JAPANESE;
	}

	@Bean
	MessageSource messageSource() {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		messages.setBasename("classpath:messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(Locale.JAPANESE);
		return messages;
	}

	/**
	 * Static files are answered by the first filter, from memory ({@link StaticFiles}),
	 * with the security headers of pages ({@code staticFileHeaders}, from the security
	 * configuration). Boot's own static mappings are off
	 * ({@code spring.web.resources.add-mappings=false}).
	 */
	@Bean
	FilterRegistrationBean<StaticFiles> staticFilesFirst(HeaderWriter staticFileHeaders) {
		FilterRegistrationBean<StaticFiles> registration = new FilterRegistrationBean<>(
				new StaticFiles(staticFileHeaders));
		registration.addUrlPatterns(StaticFiles.URL_PATTERNS);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws ServletException {
				// The switcher is a link. Reading parameters of a POST would parse its
				// body,
				// which for an oversized upload must be left to the upload's own handler.
				return !"GET".equals(request.getMethod()) || super.preHandle(request, response, handler);
			}
		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor).excludePathPatterns("/error", "/error/**");
	}

}
