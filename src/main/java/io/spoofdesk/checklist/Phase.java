package io.spoofdesk.checklist;

/** The phases of an incident response, in the order the checklist shows them. */
public enum Phase {

	IDENTIFY, CONTAIN, ERADICATE, RECOVER, NOTIFY, REVIEW

}
