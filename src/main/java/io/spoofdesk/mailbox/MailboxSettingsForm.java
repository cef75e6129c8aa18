package io.spoofdesk.mailbox;

import java.util.Locale;
import java.util.regex.Pattern;

import io.spoofdesk.shared.Texts;

import org.springframework.validation.Errors;

/**
 * The mailbox page's settings form (everything but the password, which only the
 * environment holds).
 */
public class MailboxSettingsForm {

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");

	private static final int MAX_TEXT = 200;

	private boolean enabled;

	private String host = "";

	private Integer port = 993;

	private IntakeProperties.Security security = IntakeProperties.Security.TLS;

	private String username = "";

	private String address = "";

	private String folder = "INBOX";

	private String quarantineFolder = "SpoofDesk-Quarantine";

	private Integer pollSeconds = 60;

	private boolean acknowledge = true;

	private String language = "ja";

	private String contactPerson = "";

	private String contactPhone = "";

	private Long version;

	static MailboxSettingsForm from(IntakeProperties current, Long version) {
		MailboxSettingsForm form = new MailboxSettingsForm();
		form.enabled = current.enabled();
		form.host = (current.host() != null) ? current.host() : "";
		form.port = current.port();
		form.security = current.security();
		form.username = (current.username() != null) ? current.username() : "";
		form.address = (current.address() != null) ? current.address() : "";
		form.folder = current.folder();
		form.quarantineFolder = current.quarantineFolder();
		form.pollSeconds = (int) Math.min(3600, Math.max(10, current.pollInterval().toSeconds()));
		form.acknowledge = current.acknowledge();
		form.language = current.language();
		form.contactPerson = (current.contactPerson() != null) ? current.contactPerson() : "";
		form.contactPhone = (current.contactPhone() != null) ? current.contactPhone() : "";
		form.version = version;
		return form;
	}

	/**
	 * What is wrong, field by field; a mailbox that is on needs a server and an account.
	 */
	void validate(Errors errors) {
		if (this.enabled && host() == null) {
			errors.rejectValue("host", "mailbox.settings.hostRequired");
		}
		if (host() != null && !HOST.matcher(host()).matches()) {
			errors.rejectValue("host", "mailbox.settings.hostInvalid");
		}
		if (this.enabled && username() == null) {
			errors.rejectValue("username", "mailbox.settings.usernameRequired");
		}
		if (this.port == null || this.port < 1 || this.port > 65535) {
			errors.rejectValue("port", "mailbox.settings.portRange");
		}
		if (this.security == null) {
			errors.rejectValue("security", "mailbox.settings.securityRequired");
		}
		if (this.pollSeconds == null || this.pollSeconds < 10 || this.pollSeconds > 3600) {
			errors.rejectValue("pollSeconds", "mailbox.settings.pollRange");
		}
		if (address() != null && !ADDRESS.matcher(address()).matches()) {
			errors.rejectValue("address", "mailbox.settings.addressInvalid");
		}
		for (String field : new String[] { "folder", "quarantineFolder" }) {
			String value = field.equals("folder") ? folder() : quarantineFolder();
			if (value == null || value.length() > 100 || value.chars().anyMatch(Character::isISOControl)) {
				errors.rejectValue(field, "mailbox.settings.folderInvalid");
			}
		}
		if (folder() != null && folder().equals(quarantineFolder())) {
			errors.rejectValue("quarantineFolder", "mailbox.settings.folderSame");
		}
		for (String field : new String[] { "username", "contactPerson", "contactPhone" }) {
			String value = switch (field) {
				case "username" -> username();
				case "contactPerson" -> contactPerson();
				default -> contactPhone();
			};
			if (value != null && (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl))) {
				errors.rejectValue(field, "mailbox.settings.textInvalid");
			}
		}
	}

	String host() {
		return Texts.blankToNull(this.host);
	}

	String username() {
		return Texts.blankToNull(this.username);
	}

	String address() {
		String value = Texts.blankToNull(this.address);
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	String folder() {
		return Texts.blankToNull(this.folder);
	}

	String quarantineFolder() {
		return Texts.blankToNull(this.quarantineFolder);
	}

	String language() {
		return "en".equals(this.language) ? "en" : "ja";
	}

	String contactPerson() {
		return Texts.blankToNull(this.contactPerson);
	}

	String contactPhone() {
		return Texts.blankToNull(this.contactPhone);
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public Integer getPort() {
		return this.port;
	}

	public void setPort(Integer port) {
		this.port = port;
	}

	public IntakeProperties.Security getSecurity() {
		return this.security;
	}

	public void setSecurity(IntakeProperties.Security security) {
		this.security = security;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getFolder() {
		return this.folder;
	}

	public void setFolder(String folder) {
		this.folder = folder;
	}

	public String getQuarantineFolder() {
		return this.quarantineFolder;
	}

	public void setQuarantineFolder(String quarantineFolder) {
		this.quarantineFolder = quarantineFolder;
	}

	public Integer getPollSeconds() {
		return this.pollSeconds;
	}

	public void setPollSeconds(Integer pollSeconds) {
		this.pollSeconds = pollSeconds;
	}

	public boolean isAcknowledge() {
		return this.acknowledge;
	}

	public void setAcknowledge(boolean acknowledge) {
		this.acknowledge = acknowledge;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getContactPerson() {
		return this.contactPerson;
	}

	public void setContactPerson(String contactPerson) {
		this.contactPerson = contactPerson;
	}

	public String getContactPhone() {
		return this.contactPhone;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
