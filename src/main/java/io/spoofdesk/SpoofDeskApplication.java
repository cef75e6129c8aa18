package io.spoofdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;

/**
 * SpoofDesk. Sessions stay in memory unless {@code spoofdesk.sessions.shared} is set (see
 * {@code web.SharedSessions}), so Boot's session auto-configuration is left out here.
 */
@SpringBootApplication(exclude = { SessionAutoConfiguration.class, JdbcSessionAutoConfiguration.class })
public class SpoofDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(SpoofDeskApplication.class, args);
	}

}
