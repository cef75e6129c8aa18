package io.spoofdesk.checklist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code spoofdesk.checklist.*}: the largest evidence file (default 10 MB), and how long
 * before its due time a step counts as "due soon" (default 4 hours).
 */
@ConfigurationProperties("spoofdesk.checklist")
record ChecklistProperties(DataSize evidenceMaxSize, Duration dueSoon) {

	ChecklistProperties {
		evidenceMaxSize = (evidenceMaxSize != null) ? evidenceMaxSize : DataSize.ofMegabytes(10);
		dueSoon = (dueSoon != null) ? dueSoon : Duration.ofHours(4);
	}

}
