package io.spoofdesk.warningmail;

/** What a mail template is for. */
public enum Purpose {

	/** Warn partners and past correspondents about mail in our name. */
	PARTNER_WARNING,
	/** Thank the reporter and say what we are doing. */
	REPORTER_THANKS,
	/** Warn our own staff; sending it completes the notify-staff step. */
	STAFF_NOTICE,
	/** The notice for our website (copied, not mailed). */
	WEBSITE_NOTICE,
	/** Tell an impersonated partner that their side may be affected. */
	PARTNER_AFFECTED;

	/** Whether drafts of this kind are made from an incident and mailed. */
	public boolean isMailed() {
		return this != WEBSITE_NOTICE;
	}

	/** Whether its mails are about mail in our name (else in a partner's name). */
	boolean citesMailInOurName() {
		return this != PARTNER_AFFECTED;
	}

}
