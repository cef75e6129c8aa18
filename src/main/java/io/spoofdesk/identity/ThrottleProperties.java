package io.spoofdesk.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed authentications are allowed within {@code window} before further
 * attempts are refused for {@code block}: per user name at one client address, per client
 * address, and per user name from anywhere (not applied at addresses where the user has
 * signed in before).
 */
@ConfigurationProperties("spoofdesk.security.throttle")
record ThrottleProperties(int maxFailuresPerUser, int maxFailuresPerAddress, int maxFailuresPerUserAnywhere,
		Duration window, Duration block) {

}
