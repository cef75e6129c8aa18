package io.spoofdesk.suspiciousmail;

/** What an indicator of compromise is, and its STIX 2.1 pattern. */
enum IocKind {

	EMAIL("email-addr:value"), DOMAIN("domain-name:value"), URL("url:value"), IP("ipv4-addr:value"),
	FILE_SHA256("file:hashes.'SHA-256'"), FILE_NAME("file:name");

	private final String stixPath;

	IocKind(String stixPath) {
		this.stixPath = stixPath;
	}

	/** A STIX pattern matching the value, quotes and backslashes escaped. */
	String stixPattern(String value) {
		String path = (this == IP && value.contains(":")) ? "ipv6-addr:value" : this.stixPath;
		return "[" + path + " = '" + value.replace("\\", "\\\\").replace("'", "\\'") + "']";
	}

}
