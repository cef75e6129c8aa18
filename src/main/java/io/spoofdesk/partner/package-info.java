/**
 * Business partners: their names, mail domains and contacts, the CSV import and export,
 * merging duplicates, and the list of free-mail domains where unrelated people share a
 * domain. Exposes {@code PartnerDirectory} and {@code FreeMailDomains}.
 */
package io.spoofdesk.partner;
