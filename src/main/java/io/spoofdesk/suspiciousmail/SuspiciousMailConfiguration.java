package io.spoofdesk.suspiciousmail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The module's settings, and the daily retention run. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
@EnableScheduling
class SuspiciousMailConfiguration {

}
