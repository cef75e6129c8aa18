package io.spoofdesk.mailanalysis;

/**
 * The input is not a mail at all (empty, binary, no header section) or is over the size
 * cap: nothing can be analysed and nothing should be stored.
 */
public class NotMailException extends RuntimeException implements Refused {

	private final Kind kind;

	private final Text reason;

	public NotMailException(Kind kind, Text reason) {
		super(reason.en());
		this.kind = kind;
		this.reason = reason;
	}

	public Kind kind() {
		return this.kind;
	}

	@Override
	public Text reason() {
		return this.reason;
	}

	public enum Kind {

		EMPTY, NOT_MAIL, TOO_LARGE

	}

}
