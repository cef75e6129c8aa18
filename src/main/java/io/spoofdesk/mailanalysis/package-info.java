/**
 * The mail analysis engine: raw RFC 5322 bytes in, a {@link MailAnalysis} out. Pure Java
 * (Angus Mail, jsoup, commons-compress): no web, no database, no Spring beans. What it
 * needs to know about "us" and our partners comes in an {@link AnalysisContext}.
 */
package io.spoofdesk.mailanalysis;
