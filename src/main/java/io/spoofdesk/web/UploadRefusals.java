package io.spoofdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Why an upload request could not be read, worded the same on pages and in the API,
 * wherever it surfaced (in a controller, or in a filter that read the form first): too
 * many files and fields at once (413, with the limit), too large (413), or not a file
 * upload at all (400; it was a 500 with a stack trace).
 */
@Component
class UploadRefusals {

	record Refusal(HttpStatus status, String messageKey) {

	}

	private final MessageSource messages;

	private final int maxParts;

	UploadRefusals(MessageSource messages, @Value("${server.tomcat.max-part-count:50}") int maxParts) {
		this.messages = messages;
		this.maxParts = maxParts;
	}

	/** The refusal an error stands for, if it is an upload that could not be read. */
	Optional<Refusal> of(Throwable error) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = error; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		// Spring reports too many parts as a size failure: look for the count first
		if (causes.stream().anyMatch(FileCountLimitExceededException.class::isInstance)) {
			return Optional.of(new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "error.413.parts"));
		}
		if (causes.stream()
			.anyMatch(cause -> cause instanceof MaxUploadSizeExceededException
					|| cause.getClass().getSimpleName().endsWith("SizeLimitExceededException")
					// Tomcat: form fields of a multipart post over
					// max-http-form-post-size
					|| cause instanceof IllegalStateException && cause.getMessage() != null
							&& cause.getMessage().contains("maxPostSize"))) {
			return Optional.of(new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "error.413"));
		}
		return causes.stream().anyMatch(MultipartException.class::isInstance)
				? Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "error.400")) : Optional.empty();
	}

	String title(Refusal refusal, Locale locale) {
		return this.messages.getMessage(refusal.messageKey() + ".title", null, locale);
	}

	String detail(Refusal refusal, Locale locale) {
		return this.messages.getMessage(refusal.messageKey() + ".detail", new Object[] { this.maxParts }, locale);
	}

}
