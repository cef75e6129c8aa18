package io.spoofdesk.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
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
	 * Static files from one place each, with the resolved file cached: Boot's defaults
	 * try four class-path locations per request, and each miss searches every jar of the
	 * application (a favicon ran at a fifth of Petclinic's speed, docs/benchmarks.md).
	 * WebJars are linked by exact version ({@link WebJarAssets}), so browsers keep them a
	 * year; our own files are revalidated (Last-Modified) on each use. Boot's own static
	 * mappings are off ({@code spring.web.resources.add-mappings=false}). The resource
	 * chain is set here per handler: switched on globally it would rewrite every link of
	 * every page (application.properties).
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// asked before the controllers' mappings, which a file's path would otherwise be
		// matched against first
		registry.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(false)
			.addResolver(new StaticFilesInMemory());
		ownFiles(registry, "/css/**", "classpath:/static/css/");
		ownFiles(registry, "/js/**", "classpath:/static/js/");
		ownFiles(registry, "/favicon.svg", "classpath:/static/");
	}

	private static void ownFiles(ResourceHandlerRegistry registry, String pattern, String location) {
		registry.addResourceHandler(pattern)
			.addResourceLocations(location)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(false)
			.addResolver(new StaticFilesInMemory());
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
