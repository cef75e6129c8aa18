package io.spoofdesk.warningmail;

/** What a mail template is for. */
public enum Purpose {

	PARTNER_WARNING, REPORTER_THANKS, STAFF_NOTICE, WEBSITE_NOTICE

}
