/**
 * The audit log: every change, written in the transaction of the change to a table that
 * refuses UPDATE, DELETE and TRUNCATE. Other modules record through {@code AuditLog}; the
 * admin page lists and filters it, and the incident page shows an incident's history.
 */
package io.spoofdesk.audit;
