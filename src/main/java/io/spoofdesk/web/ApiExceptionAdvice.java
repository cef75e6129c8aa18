package io.spoofdesk.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.ConflictMessages;
import io.spoofdesk.shared.EditConflictException;
import io.spoofdesk.shared.InvalidRequestException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.Errors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the API's expected failures into problem+json with messages in the caller's
 * language.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice {

	private final MessageSource messages;

	private final UploadRefusals uploads;

	private final ConflictMessages conflicts;

	ApiExceptionAdvice(MessageSource messages, UploadRefusals uploads, ConflictMessages conflicts) {
		this.messages = messages;
		this.uploads = uploads;
		this.conflicts = conflicts;
	}

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalid(InvalidRequestException ex, Locale locale) {
		return validationProblem(ex.errors(), locale);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex, Locale locale) {
		return validationProblem(ex.getBindingResult(), locale);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "error.400", locale);
	}

	/** An upload that could not be read: too many parts, too large, or not an upload. */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail notAnUpload(MultipartException ex, Locale locale) {
		UploadRefusals.Refusal refusal = this.uploads.of(ex).orElseThrow();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(),
				this.uploads.detail(refusal, locale));
		problem.setTitle(this.uploads.title(refusal, locale));
		return problem;
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail conflict(ObjectOptimisticLockingFailureException ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, "error.409", locale);
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, this.conflicts.of(ex, locale));
		problem.setTitle(this.conflicts.titleOf(ex, locale));
		return problem;
	}

	@ExceptionHandler(EditConflictException.class)
	ProblemDetail conflict(EditConflictException ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "error.409", locale);
		problem.setDetail(this.messages.getMessage("error.409.changedBy",
				new Object[] { ex.changedBy(), ex.changedAt() }, locale));
		problem.setProperty("changedBy", ex.changedBy());
		problem.setProperty("changedAt", ex.changedAt().toString());
		return problem;
	}

	private ProblemDetail validationProblem(Errors errors, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.400", locale);
		List<Map<String, String>> fields = errors.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", this.messages.getMessage(error, locale)))
			.toList();
		problem.setProperty("errors", fields);
		return problem;
	}

	private ProblemDetail problem(HttpStatus status, String key, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(key + ".detail", null, status.getReasonPhrase(), locale));
		problem.setTitle(this.messages.getMessage(key + ".title", null, status.getReasonPhrase(), locale));
		return problem;
	}

}
