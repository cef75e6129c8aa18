/**
 * Suspicious mails on incidents: intake (.eml upload, pasted source, API), the analysis
 * shown as evidence, the raw mail kept under retention, and the IOCs with where else they
 * were seen. The analysis itself is the {@code mailanalysis} engine's.
 */
package io.spoofdesk.suspiciousmail;
