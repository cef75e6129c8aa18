package io.spoofdesk.shared;

/**
 * Names of uploaded files as they are stored and shown: the last path segment only (a
 * browser may send {@code C:\fakepath\scan.log}, an attacker {@code ../../etc/passwd}),
 * without control or invisible formatting characters (CR/LF, the right-to-left override
 * that disguises {@code exe.pdf}), without leading dots, at most 200 characters.
 */
public final class FileNames {

	static final int MAX_LENGTH = 200;

	private FileNames() {
	}

	/** The safe form of a name, or {@code fallback} when nothing of it is left. */
	public static String safe(String fileName, String fallback) {
		String name = (fileName != null) ? fileName : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.length() > MAX_LENGTH) {
			name = name.substring(name.length() - MAX_LENGTH);
		}
		return name.isEmpty() ? fallback : name;
	}

}
