package io.spoofdesk.suspiciousmail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code spoofdesk.mail.*}: how large a mail may be, and how long raw mails are kept
 * after their incident is closed (default one year).
 */
@ConfigurationProperties("spoofdesk.mail")
record MailProperties(DataSize maxSize, Duration retention) {

	MailProperties {
		maxSize = (maxSize != null) ? maxSize : DataSize.ofMegabytes(25);
		retention = (retention != null) ? retention : Duration.ofDays(365);
	}

}
