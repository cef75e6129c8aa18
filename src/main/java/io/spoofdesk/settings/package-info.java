/**
 * Who "we" are: company name, our mail domains, staff, the servers that receive and send
 * our mail, time zone, working hours and the free-mail domains, edited by admins. Exposes
 * {@code CompanyIdentityService} and {@code CompanyIdentity}.
 */
package io.spoofdesk.settings;
