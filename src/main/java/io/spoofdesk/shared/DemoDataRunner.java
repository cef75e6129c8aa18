package io.spoofdesk.shared;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link DemoDataSeeder}, in order, once the application has started.
 */
@Component
@ConditionalOnBooleanProperty("spoofdesk.demo-data.enabled")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoDataRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

	private final List<DemoDataSeeder> seeders;

	DemoDataRunner(List<DemoDataSeeder> seeders) {
		this.seeders = seeders;
	}

	@Override
	public void run(ApplicationArguments args) {
		log.info("Demo data is on (spoofdesk.demo-data.enabled=true): seeding what is missing");
		this.seeders.stream().sorted(Comparator.comparingInt(DemoDataSeeder::order)).forEach(DemoDataSeeder::seed);
	}

}
