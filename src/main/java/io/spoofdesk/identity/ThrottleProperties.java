package io.spoofdesk.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed authentications, per user name and per client address, are allowed
 * within {@code window} before further attempts are refused for {@code block}.
 */
@ConfigurationProperties("spoofdesk.security.throttle")
record ThrottleProperties(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window, Duration block) {

}
