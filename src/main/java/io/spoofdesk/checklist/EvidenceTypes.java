package io.spoofdesk.checklist;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file types accepted as evidence (scan logs, screenshots, reports), checked by name
 * and by content: a file must start the way its extension says. Executables, HTML, SVG
 * and Office documents with macros are refused whatever their name.
 */
final class EvidenceTypes {

	private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(Map.entry("txt", "text/plain"),
			Map.entry("log", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("eml", "message/rfc822"),
			Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
			Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("zip", "application/zip"));

	private EvidenceTypes() {
	}

	/** The content type to store for an accepted file, or empty when it is refused. */
	static Optional<String> contentTypeOf(String fileName, byte[] content) {
		String extension = extensionOf(fileName);
		String contentType = CONTENT_TYPES.get(extension);
		if (contentType == null || content.length == 0) {
			return Optional.empty();
		}
		boolean matches = switch (extension) {
			case "pdf" -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
			case "png" -> startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
			case "jpg", "jpeg" -> startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });
			case "gif" -> startsWith(content, "GIF8".getBytes(StandardCharsets.US_ASCII));
			case "zip" -> startsWith(content, new byte[] { 'P', 'K', 3, 4 });
			default -> looksLikeText(content);
		};
		return matches ? Optional.of(contentType) : Optional.empty();
	}

	private static String extensionOf(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return (dot < 0) ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

	/** Text logs: no NUL bytes, and not markup a browser would run. */
	private static boolean looksLikeText(byte[] content) {
		int length = Math.min(content.length, 8192);
		for (int i = 0; i < length; i++) {
			if (content[i] == 0) {
				return false;
			}
		}
		String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1).stripLeading()
			.toLowerCase(Locale.ROOT);
		return !(head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<svg")
				|| head.startsWith("<?xml") || head.startsWith("<script"));
	}

}
