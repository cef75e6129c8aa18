package io.spoofdesk;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The developer run's own mail server (GreenMail, in the same process, loopback only), so
 * the whole mail loop can be tried without a real one: mail SpoofDesk sends (warnings,
 * acknowledgements, digests) goes to its SMTP port and never leaves the machine, and the
 * reporting mailbox is read from its IMAP port. Started only when neither an SMTP server
 * nor a reporting mailbox is configured.
 */
final class DevMailServer {

	static final int SMTP_PORT = 3025;

	static final int IMAP_PORT = 3143;

	static final String INTAKE_ADDRESS = "security@kitamura-seiki.co.jp";

	static final String INTAKE_PASSWORD = "demo-intake";

	private DevMailServer() {
	}

	/** Starts it and points spring.mail.* and spoofdesk.intake.* at it, unless set. */
	static void startUnlessConfigured() {
		if (configured("SPRING_MAIL_HOST", "spring.mail.host")
				|| configured("SPOOFDESK_INTAKE_HOST", "spoofdesk.intake.host")) {
			return;
		}
		GreenMail server = new GreenMail(new ServerSetup[] { new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"),
				new ServerSetup(IMAP_PORT, "127.0.0.1", "imap") });
		try {
			server.start();
		}
		catch (RuntimeException ex) {
			System.out.println("SpoofDesk dev run: no demo mail server (ports " + SMTP_PORT + "/" + IMAP_PORT
					+ " busy?): " + ex.getMessage() + "; no mail is sent and no mailbox is read");
			return;
		}
		server.setUser(INTAKE_ADDRESS, INTAKE_ADDRESS, INTAKE_PASSWORD);
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "dev-mail-server-stop"));
		System.setProperty("spring.mail.host", "127.0.0.1");
		System.setProperty("spring.mail.port", Integer.toString(SMTP_PORT));
		System.setProperty("spoofdesk.intake.enabled", "true");
		System.setProperty("spoofdesk.intake.host", "127.0.0.1");
		System.setProperty("spoofdesk.intake.port", Integer.toString(IMAP_PORT));
		System.setProperty("spoofdesk.intake.security", "NONE");
		System.setProperty("spoofdesk.intake.username", INTAKE_ADDRESS);
		System.setProperty("spoofdesk.intake.password", INTAKE_PASSWORD);
		System.out.println("SpoofDesk dev run: demo mail server (GreenMail) on 127.0.0.1, SMTP " + SMTP_PORT
				+ " and IMAP " + IMAP_PORT + "; the reporting mailbox is " + INTAKE_ADDRESS
				+ " — forward a mail there: curl -s smtp://127.0.0.1:" + SMTP_PORT
				+ " --mail-from sato@aoba-shoji.co.jp --mail-rcpt " + INTAKE_ADDRESS
				+ " -T bench/sample-spoofed.eml (set SPRING_MAIL_HOST or SPOOFDESK_INTAKE_HOST to use real servers)");
	}

	private static boolean configured(String variable, String property) {
		String value = System.getenv(variable);
		if (value == null || value.isBlank()) {
			value = System.getProperty(property);
		}
		return value != null && !value.isBlank();
	}

}
