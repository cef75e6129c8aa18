package io.spoofdesk.checklist;

import java.nio.charset.Charset;
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
			Map.entry("log", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("json", "application/json"),
			Map.entry("eml", "message/rfc822"), Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"),
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
			Map.entry("zip", "application/zip"));

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

	/** A byte-order mark, or ASCII text with every other byte NUL. */
	private static boolean isUtf16(byte[] sample) {
		if (sample.length >= 2 && ((sample[0] == (byte) 0xFF && sample[1] == (byte) 0xFE)
				|| (sample[0] == (byte) 0xFE && sample[1] == (byte) 0xFF))) {
			return true;
		}
		int pairs = Math.min(sample.length / 2, 64);
		if (pairs < 2) {
			return false;
		}
		int lowNul = 0;
		int highNul = 0;
		for (int i = 0; i < pairs; i++) {
			lowNul += (sample[2 * i + 1] == 0 && sample[2 * i] != 0) ? 1 : 0;
			highNul += (sample[2 * i] == 0 && sample[2 * i + 1] != 0) ? 1 : 0;
		}
		return lowNul == pairs || highNul == pairs;
	}

	private static Charset utf16Of(byte[] sample) {
		if (sample[0] == (byte) 0xFE && sample[1] == (byte) 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		if (sample[0] == (byte) 0xFF && sample[1] == (byte) 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		return (sample[1] == 0) ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
	}

	private static String extensionOf(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return (dot < 0) ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

	/**
	 * Text logs: no NUL bytes, and not markup a browser would run. UTF-16 logs (what
	 * Windows security tools and PowerShell write by default) are read as UTF-16 first.
	 */
	private static boolean looksLikeText(byte[] content) {
		byte[] sample = Arrays.copyOf(content, Math.min(content.length, 8192));
		String text = isUtf16(sample) ? new String(sample, utf16Of(sample))
				: new String(sample, StandardCharsets.ISO_8859_1);
		if (text.indexOf('\u0000') >= 0) {
			return false;
		}
		String head = text.substring(0, Math.min(text.length(), 512))
			.replace("\uFEFF", "")
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		return !(head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<svg")
				|| head.startsWith("<?xml") || head.startsWith("<script"));
	}

}
