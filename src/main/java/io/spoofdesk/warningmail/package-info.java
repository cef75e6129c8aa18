/**
 * Warning mail to partners: user-editable templates in a logic-less placeholder language,
 * drafts rendered from an incident, and standards-correct {@code .eml} files built only
 * through the mail library's message API.
 */
package io.spoofdesk.warningmail;
