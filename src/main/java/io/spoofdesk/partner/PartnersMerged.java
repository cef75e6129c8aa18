package io.spoofdesk.partner;

/**
 * Published inside the merge's transaction, before the duplicate is deleted: whatever
 * points at {@code removedId} must now point at {@code keptId}. Contacts keep their ids.
 */
public record PartnersMerged(long keptId, long removedId) {

}
