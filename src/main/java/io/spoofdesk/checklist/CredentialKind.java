package io.spoofdesk.checklist;

/** The kinds of account in the credential ledger of a password-rotation step. */
public enum CredentialKind {

	MAIL, WEBMAIL, VPN, CLOUD, BROWSER, OTHER

}
