package io.spoofdesk.mailanalysis;

/**
 * A mail that was not taken, with the reason to show whoever sent it (in their language).
 */
public interface Refused {

	Text reason();

}
