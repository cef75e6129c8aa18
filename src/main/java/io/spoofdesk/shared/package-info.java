/**
 * Small types every module may use: the company's time zone, and the exceptions that the
 * web layer turns into 400, 404 and 409 answers.
 */
package io.spoofdesk.shared;
