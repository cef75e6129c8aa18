package io.spoofdesk.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switcher's links: the page the user is on, with its filters and search
 * kept, and only {@code lang} changed. Pages name them as {@code ${languageLinks.ja}}.
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageLinks {

	@ModelAttribute("languageLinks")
	Links languageLinks(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			// a page answering a post: its query is not a page to go back to
			return new Links("?lang=ja", "?lang=en");
		}
		return new Links(link(request, "ja"), link(request, "en"));
	}

	/** Relative to the page (path and query only), so no host name from the request. */
	static String link(HttpServletRequest request, String language) {
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("lang", language)
			.build(true)
			.toUriString();
	}

	/** The same page in Japanese and in English. */
	record Links(String ja, String en) {

	}

}
