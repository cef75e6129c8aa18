package io.spoofdesk.shared;

import java.time.ZoneId;

/**
 * The company's time zone (default Asia/Tokyo), in which dates are shown and periods are
 * counted. Provided by the settings module; other modules depend only on this interface.
 */
public interface CompanyTimeZone {

	ZoneId zoneId();

}
