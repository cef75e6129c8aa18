package io.spoofdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port against the test run's PostgreSQL. Every test
 * class with this annotation shares one started application (same properties, one
 * context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spoofdesk.admin.username=" + ServerTest.ADMIN,
				"spoofdesk.admin.password=" + ServerTest.ADMIN_PASSWORD,
				// tests drive the warning-mail sender themselves; a scheduled run in any
				// cached
				// context (several share the database) would race them
				"spoofdesk.warning-mail.send-initial-delay=PT24H", "spoofdesk.warning-mail.send-interval=PT24H" })
public @interface ServerTest {

	String ADMIN = "admin";

	String ADMIN_PASSWORD = "first-admin-Pa55word";

}
