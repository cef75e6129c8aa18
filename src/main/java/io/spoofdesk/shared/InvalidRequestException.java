package io.spoofdesk.shared;

import org.springframework.validation.Errors;

/** An API request whose content failed validation; answered 400 with the field errors. */
public class InvalidRequestException extends RuntimeException {

	private final transient Errors errors;

	public InvalidRequestException(Errors errors) {
		super("Invalid request: " + errors.getErrorCount() + " error(s)");
		this.errors = errors;
	}

	public Errors errors() {
		return this.errors;
	}

}
