package io.spoofdesk.suspiciousmail;

import java.util.List;

/**
 * Published, inside the retention purge's transaction, when raw mails were deleted: who
 * kept personal data taken from them (a reply's text in the correspondence) drops it too.
 *
 * @param sha256s the purged mails
 */
public record RawMailsPurged(List<String> sha256s) {

}
