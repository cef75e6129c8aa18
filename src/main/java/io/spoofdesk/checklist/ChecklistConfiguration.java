package io.spoofdesk.checklist;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The module's settings, and the reminder run. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChecklistProperties.class)
@EnableScheduling
class ChecklistConfiguration {

}
