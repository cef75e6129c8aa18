/**
 * The reporting mailbox: an IMAP mailbox (such as security@our-domain) where partners and
 * staff forward suspicious mail. Each mail is read once, analysed and filed on an
 * incident (a new one with its checklist, or the open one it belongs to), the reporter is
 * acknowledged, and replies about a case join its correspondence. Exposes
 * {@link io.spoofdesk.mailbox.Correspondence} (the thread of a case) and the admin page.
 */
package io.spoofdesk.mailbox;
