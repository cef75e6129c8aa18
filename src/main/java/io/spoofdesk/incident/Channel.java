package io.spoofdesk.incident;

/** How the partner told us. */
public enum Channel {

	PHONE, MAIL, WEB_FORM, OTHER

}
