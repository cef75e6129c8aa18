package io.spoofdesk.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One of our own people, as stored; names in mail display names are matched against it.
 */
@Embeddable
record StaffMember(@Column(nullable = false) String name, @Column(nullable = false) String email) {

}
