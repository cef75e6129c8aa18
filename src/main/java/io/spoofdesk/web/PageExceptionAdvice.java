package io.spoofdesk.web;

import java.util.Locale;

import io.spoofdesk.shared.ConflictMessages;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.EditConflictException;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages: a save that lost a race with someone else's save shows the conflict page
 * ("changed by X at T; reload"), never a silent overwrite.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionAdvice {

	private final WebJarAssets assets;

	private final ConflictMessages conflicts;

	PageExceptionAdvice(WebJarAssets assets, ConflictMessages conflicts) {
		this.assets = assets;
		this.conflicts = conflicts;
	}

	@ExceptionHandler({ ObjectOptimisticLockingFailureException.class, ConflictException.class,
			EditConflictException.class })
	ModelAndView conflict(RuntimeException ex, Locale locale) {
		return conflictPage(this.conflicts.of(ex, locale));
	}

	/**
	 * A form that should carry a file but is not multipart: 400 (it was a 500 with a
	 * stack trace); one over the size limit: 413.
	 */
	@ExceptionHandler(MultipartException.class)
	ModelAndView notAnUpload(MultipartException ex) {
		HttpStatus status = (ex instanceof MaxUploadSizeExceededException) ? HttpStatus.PAYLOAD_TOO_LARGE
				: HttpStatus.BAD_REQUEST;
		ModelAndView page = new ModelAndView("error/page", status);
		page.addObject("assets", this.assets);
		page.addObject("code", status.value());
		return page;
	}

	private ModelAndView conflictPage(String detail) {
		// Views returned by exception handlers do not get @ModelAttribute values: add the
		// layout's.
		ModelAndView page = new ModelAndView("error/page", HttpStatus.CONFLICT);
		page.addObject("assets", this.assets);
		page.addObject("code", 409);
		page.addObject("detailText", detail);
		return page;
	}

}
