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

	private final UploadRefusals uploads;

	PageExceptionAdvice(WebJarAssets assets, ConflictMessages conflicts, UploadRefusals uploads) {
		this.assets = assets;
		this.conflicts = conflicts;
		this.uploads = uploads;
	}

	@ExceptionHandler({ ObjectOptimisticLockingFailureException.class, ConflictException.class,
			EditConflictException.class })
	ModelAndView conflict(RuntimeException ex, Locale locale) {
		ModelAndView page = conflictPage(this.conflicts.of(ex, locale));
		page.addObject("titleText", this.conflicts.titleOf(ex, locale));
		return page;
	}

	/** An upload that could not be read: too many parts, too large, or not an upload. */
	@ExceptionHandler(MultipartException.class)
	ModelAndView notAnUpload(MultipartException ex, Locale locale) {
		UploadRefusals.Refusal refusal = this.uploads.of(ex).orElseThrow();
		ModelAndView page = new ModelAndView("error/page", refusal.status());
		page.addObject("assets", this.assets);
		page.addObject("code", refusal.status().value());
		page.addObject("titleText", this.uploads.title(refusal, locale));
		page.addObject("detailText", this.uploads.detail(refusal, locale));
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
