package io.spoofdesk.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.EditConflictException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages: a save that lost a race with someone else's save shows the conflict page
 * ("changed by X at T; reload"), never a silent overwrite.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionAdvice {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final WebJarAssets assets;

	private final MessageSource messages;

	private final CompanyTimeZone timeZone;

	PageExceptionAdvice(WebJarAssets assets, MessageSource messages, CompanyTimeZone timeZone) {
		this.assets = assets;
		this.messages = messages;
		this.timeZone = timeZone;
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ModelAndView conflict(ObjectOptimisticLockingFailureException ex, Locale locale) {
		return conflictPage(this.messages.getMessage("error.409.detail", null, locale));
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex, Locale locale) {
		return conflictPage(this.messages.getMessage(ex.messageKey(), null, ex.messageKey(), locale));
	}

	@ExceptionHandler(EditConflictException.class)
	ModelAndView conflict(EditConflictException ex, Locale locale) {
		return conflictPage(this.messages.getMessage("error.409.changedBy",
				new Object[] { ex.changedBy(), format(ex.changedAt()) }, locale));
	}

	String format(Instant instant) {
		return WHEN.format(instant.atZone(this.timeZone.zoneId()));
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
