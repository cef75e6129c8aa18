package io.spoofdesk.web;

import io.spoofdesk.shared.ConflictException;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages: a save that lost a race with someone else's save shows the conflict page
 * ("someone changed this first; reload"), never a silent overwrite.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionAdvice {

	private final WebJarAssets assets;

	PageExceptionAdvice(WebJarAssets assets) {
		this.assets = assets;
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ModelAndView conflict(ObjectOptimisticLockingFailureException ex) {
		return conflictPage("error.409.detail");
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		return conflictPage(ex.messageKey());
	}

	private ModelAndView conflictPage(String detailKey) {
		// Views returned by exception handlers do not get @ModelAttribute values: add the
		// layout's.
		ModelAndView page = new ModelAndView("error/page", HttpStatus.CONFLICT);
		page.addObject("assets", this.assets);
		page.addObject("code", 409);
		page.addObject("detailKey", detailKey);
		return page;
	}

}
