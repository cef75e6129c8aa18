package io.spoofdesk.mailanalysis;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a file name (and its first bytes) says a file is. */
final class FileKinds {

	static final Set<String> MACRO = Set.of("docm", "dotm", "xlsm", "xltm", "xlam", "xlsb", "pptm", "potm", "ppam",
			"ppsm", "sldm");

	static final Set<String> SHORTCUT = Set.of("lnk", "url", "scf", "website");

	static final Set<String> DISK_IMAGE = Set.of("iso", "img", "vhd", "vhdx", "dmg", "udf");

	static final Set<String> EXECUTABLE = Set.of("exe", "scr", "com", "pif", "bat", "cmd", "js", "jse", "vbs", "vbe",
			"wsf", "wsh", "hta", "ps1", "psm1", "msi", "msp", "jar", "cpl", "dll", "reg", "chm", "application",
			"gadget", "msc", "inf", "sct", "xll", "one");

	static final Set<String> ARCHIVE = Set.of("zip", "7z", "rar", "lzh", "lha", "gz", "tgz", "tar", "cab", "arj", "ace",
			"bz2", "xz", "zipx");

	/** Document-looking extensions that a second, dangerous extension hides behind. */
	private static final Set<String> DECOY = Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "jpg",
			"jpeg", "png", "gif", "csv", "rtf", "htm", "html", "zip", "mp4", "mp3", "wav");

	private FileKinds() {
	}

	static String extension(String name) {
		if (name == null) {
			return "";
		}
		String trimmed = withoutTrailingDotsAndSpaces(name);
		int dot = trimmed.lastIndexOf('.');
		return dot < 0 ? "" : trimmed.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * File names longer than this are shown and stored cut (the full name earns the
	 * flags).
	 */
	static final int MAX_NAME_CHARS = 255;

	/**
	 * A name as it is shown and stored: at most {@link #MAX_NAME_CHARS} characters, the
	 * beginning and the end (with the extension) kept around an ellipsis.
	 */
	static String shown(String name) {
		if (name == null || name.length() <= MAX_NAME_CHARS) {
			return name;
		}
		int tail = 32;
		return name.substring(0, MAX_NAME_CHARS - tail - 1) + "…" + name.substring(name.length() - tail);
	}

	/**
	 * The name without the dots and spaces Windows ignores at its end ({@code a.exe. .}).
	 * One pass from the end: a regular expression anchored at the end is tried from every
	 * position and cost quadratic time on a name of many dots.
	 */
	static String withoutTrailingDotsAndSpaces(String name) {
		String stripped = name.strip();
		int end = stripped.length();
		while (end > 0 && (stripped.charAt(end - 1) == '.' || Character.isWhitespace(stripped.charAt(end - 1)))) {
			end--;
		}
		return stripped.substring(0, end);
	}

	private static int trailingSpaces(String text) {
		int count = 0;
		for (int i = text.length() - 1; i >= 0 && Character.isWhitespace(text.charAt(i)); i--) {
			count++;
		}
		return count;
	}

	/** The flags a file name alone earns. */
	static Set<IndicatorCode> byName(String name) {
		Set<IndicatorCode> flags = EnumSet.noneOf(IndicatorCode.class);
		String extension = extension(name);
		if (MACRO.contains(extension)) {
			flags.add(IndicatorCode.MACRO_DOCUMENT);
		}
		if (SHORTCUT.contains(extension)) {
			flags.add(IndicatorCode.SHORTCUT_FILE);
		}
		if (DISK_IMAGE.contains(extension)) {
			flags.add(IndicatorCode.DISK_IMAGE);
		}
		if (EXECUTABLE.contains(extension)) {
			flags.add(IndicatorCode.EXECUTABLE);
		}
		if (hasDoubleExtension(name)) {
			flags.add(IndicatorCode.DOUBLE_EXTENSION);
		}
		return flags;
	}

	/**
	 * A dangerous extension behind a harmless-looking one ({@code 請求書.pdf.exe}), a run of
	 * spaces before the real extension, or a right-to-left override that turns
	 * {@code exe.pdf} around on screen.
	 */
	static boolean hasDoubleExtension(String name) {
		if (name == null) {
			return false;
		}
		if (name.indexOf('\u202E') >= 0 || name.indexOf('\u202D') >= 0) {
			return true;
		}
		String last = extension(name);
		if (!isDangerous(last)) {
			return false;
		}
		String stem = withoutTrailingDotsAndSpaces(name);
		stem = stem.substring(0, stem.length() - last.length() - 1);
		if (trailingSpaces(stem) >= 3) {
			return true;
		}
		return DECOY.contains(extension(stem.strip()));
	}

	static boolean isDangerous(String extension) {
		return MACRO.contains(extension) || SHORTCUT.contains(extension) || DISK_IMAGE.contains(extension)
				|| EXECUTABLE.contains(extension);
	}

	/** The flags the first bytes earn, whatever the name says. */
	static Set<IndicatorCode> byContent(byte[] bytes) {
		Set<IndicatorCode> flags = EnumSet.noneOf(IndicatorCode.class);
		if (startsWith(bytes, 'M', 'Z')) {
			flags.add(IndicatorCode.EXECUTABLE);
		}
		if (startsWith(bytes, 0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00)) {
			flags.add(IndicatorCode.SHORTCUT_FILE);
		}
		if (isOle(bytes) && containsUtf16(bytes, "_VBA_PROJECT")) {
			flags.add(IndicatorCode.MACRO_DOCUMENT);
		}
		return flags;
	}

	static boolean isZip(byte[] bytes) {
		return startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 'P', 'K', 5, 6);
	}

	static boolean isOle(byte[] bytes) {
		return startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
	}

	static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean containsUtf16(byte[] bytes, String text) {
		byte[] needle = text.getBytes(StandardCharsets.UTF_16LE);
		outer: for (int i = 0; i + needle.length <= bytes.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (bytes[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
