package io.spoofdesk.mailbox;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The reporting mailbox ({@code spoofdesk.intake.*}, or {@code SPOOFDESK_INTAKE_*}
 * variables; the password only ever from there). Off until a host is set and
 * {@code enabled} is true.
 *
 * @param enabled whether the mailbox is read on a schedule
 * @param host the IMAP server
 * @param port its port (993 for TLS)
 * @param security TLS (IMAPS), STARTTLS (required) or NONE (loopback test servers only)
 * @param username the mailbox account
 * @param password its password
 * @param address the address partners forward to (never acknowledged; defaults to the
 * username when that is an address)
 * @param folder the folder read
 * @param quarantineFolder where mail that cannot be processed is set aside
 * @param pollInterval how often the mailbox is read
 * @param batchSize mails filed per reading at most
 * @param acknowledge whether reporters get an acknowledgement
 * @param language the acknowledgement's language (ja or en)
 * @param contactPerson who signs the acknowledgement
 * @param contactPhone the number in its signature
 * @param maxMailSize a larger mail is quarantined without being downloaded
 * @param analysisTimeout a mail whose analysis takes longer is quarantined
 * @param joinWindow a report joins an open incident about the same mail or address
 * reported within this time
 */
@ConfigurationProperties("spoofdesk.intake")
record IntakeProperties(@DefaultValue("false") boolean enabled, String host, @DefaultValue("993") int port,
		@DefaultValue("TLS") Security security, String username, String password, String address,
		@DefaultValue("INBOX") String folder, @DefaultValue("SpoofDesk-Quarantine") String quarantineFolder,
		@DefaultValue("PT1M") Duration pollInterval, @DefaultValue("250") int batchSize,
		@DefaultValue("true") boolean acknowledge, @DefaultValue("ja") String language, String contactPerson,
		String contactPhone, @DefaultValue("25MB") DataSize maxMailSize,
		@DefaultValue("PT20S") Duration analysisTimeout, @DefaultValue("P14D") Duration joinWindow) {

	enum Security {

		TLS, STARTTLS, NONE

	}

	/** Whether a mailbox is named at all. */
	public boolean configured() {
		return this.host != null && !this.host.isBlank();
	}

	/** Our own intake address, lower-cased, or null. */
	public String intakeAddress() {
		String named = (this.address != null && !this.address.isBlank()) ? this.address
				: (this.username != null && this.username.contains("@")) ? this.username : null;
		return (named != null) ? named.strip().toLowerCase(Locale.ROOT) : null;
	}

}
