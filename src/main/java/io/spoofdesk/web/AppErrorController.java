package io.spoofdesk.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Every error the servlet container reports (unknown page, denied access, too-large
 * upload, uncaught failure) ends here: API paths get problem+json, pages a friendly page.
 * No stack trace or exception message ever reaches the user.
 */
@Controller
class AppErrorController implements ErrorController {

	private static final Set<Integer> PAGES = Set.of(400, 401, 403, 404, 405, 409, 413, 429, 500);

	private final MessageSource messages;

	private final UploadRefusals uploads;

	AppErrorController(MessageSource messages, UploadRefusals uploads) {
		this.messages = messages;
		this.uploads = uploads;
	}

	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		if (isApi(request)) {
			// A browser that opened an API URL still gets the API's answer.
			return new ModelAndView("forward:/error/problem");
		}
		Optional<UploadRefusals.Refusal> upload = uploadRefusal(request);
		HttpStatus status = upload.map(UploadRefusals.Refusal::status).orElseGet(() -> statusOf(request));
		ModelAndView page = new ModelAndView("error/page", status);
		page.addObject("code", pageCode(status));
		upload.ifPresent(refusal -> {
			Locale locale = RequestContextUtils.getLocale(request);
			page.addObject("titleText", this.uploads.title(refusal, locale));
			page.addObject("detailText", this.uploads.detail(refusal, locale));
		});
		return page;
	}

	@RequestMapping({ "/error", "/error/problem" })
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		Optional<UploadRefusals.Refusal> upload = uploadRefusal(request);
		HttpStatus status = upload.map(UploadRefusals.Refusal::status).orElseGet(() -> statusOf(request));
		int code = pageCode(status);
		Locale locale = RequestContextUtils.getLocale(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				upload.map(refusal -> this.uploads.detail(refusal, locale))
					.orElseGet(() -> this.messages.getMessage("error." + code + ".detail", null,
							status.getReasonPhrase(), locale)));
		problem.setTitle(upload.map(refusal -> this.uploads.title(refusal, locale))
			.orElseGet(() -> this.messages.getMessage("error." + code + ".title", null, status.getReasonPhrase(),
					locale)));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path != null) {
			problem.setProperty("path", path.toString());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * An upload that could not be read may fail while a filter reads the form (e.g. the
	 * CSRF token in a multipart body), before Spring MVC can answer it.
	 */
	private Optional<UploadRefusals.Refusal> uploadRefusal(HttpServletRequest request) {
		return (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error)
				? this.uploads.of(error) : Optional.empty();
	}

	private static int pageCode(HttpStatus status) {
		return PAGES.contains(status.value()) ? status.value() : (status.is4xxClientError() ? 400 : 500);
	}

	static boolean isApi(HttpServletRequest request) {
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (path != null) ? path.toString() : request.getRequestURI();
		return uri.startsWith(request.getContextPath() + "/api/");
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// asked for directly: no error happened, so there is no page of it
			return HttpStatus.NOT_FOUND;
		}
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
