package io.spoofdesk.mailanalysis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Body text to characters. Japanese mail names its charset loosely: Shift_JIS is read as
 * Windows-31J and ISO-2022-JP as its Windows variant so that NEC and IBM characters (①,
 * ㈱) decode; a missing or unknown charset is guessed from the bytes.
 */
final class Charsets {

	static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private static final Charset ISO_2022_JP = Charset.forName("x-windows-iso2022jp");

	private static final Charset EUC_JP = Charset.isSupported("x-eucJP-Open") ? Charset.forName("x-eucJP-Open")
			: Charset.forName("EUC-JP");

	private static final Map<String, Charset> JAPANESE = Map.ofEntries(Map.entry("shift_jis", WINDOWS_31J),
			Map.entry("shift-jis", WINDOWS_31J), Map.entry("sjis", WINDOWS_31J), Map.entry("x-sjis", WINDOWS_31J),
			Map.entry("ms_kanji", WINDOWS_31J), Map.entry("csshiftjis", WINDOWS_31J), Map.entry("cp932", WINDOWS_31J),
			Map.entry("windows-31j", WINDOWS_31J), Map.entry("iso-2022-jp", ISO_2022_JP),
			Map.entry("csiso2022jp", ISO_2022_JP), Map.entry("iso-2022-jp-1", ISO_2022_JP),
			Map.entry("iso-2022-jp-2", ISO_2022_JP), Map.entry("euc-jp", EUC_JP), Map.entry("x-euc-jp", EUC_JP),
			Map.entry("eucjp", EUC_JP), Map.entry("cseucpkdfmtjapanese", EUC_JP));

	private Charsets() {
	}

	/**
	 * Decodes text whose declared charset may be missing, wrong or unknown; a problem is
	 * added to the warnings, never thrown.
	 */
	static String decode(byte[] bytes, String declared, Warnings warnings) {
		Charset charset = lookup(declared);
		if (charset == null) {
			if (declared != null && !declared.isBlank()) {
				warnings.add("unknown charset '" + declared + "', guessed from the bytes");
			}
			charset = guess(bytes);
		}
		else if (isAscii(charset) && !isAscii(bytes)) {
			charset = guess(bytes);
		}
		return withoutNul(new String(bytes, charset));
	}

	/**
	 * Text without U+0000. A mail can carry it encoded ({@code =00}, {@code %00}, an
	 * encoded word), no reader means it, and PostgreSQL cannot store it: a mail holding
	 * one could not be filed.
	 */
	static String withoutNul(String text) {
		return (text == null || text.indexOf('\u0000') < 0) ? text : text.replace("\u0000", "");
	}

	static Charset lookup(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String key = name.trim().toLowerCase(Locale.ROOT);
		Charset japanese = JAPANESE.get(key);
		if (japanese != null) {
			return japanese;
		}
		try {
			return Charset.isSupported(key) ? Charset.forName(key) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * UTF-8 when the bytes are valid UTF-8, ISO-2022-JP when they carry its escapes, else
	 * Windows-31J.
	 */
	static Charset guess(byte[] bytes) {
		if (isAscii(bytes)) {
			return containsIso2022Escape(bytes) ? ISO_2022_JP : StandardCharsets.UTF_8;
		}
		if (isUtf8(bytes)) {
			return StandardCharsets.UTF_8;
		}
		return WINDOWS_31J;
	}

	private static boolean isAscii(Charset charset) {
		return charset.equals(StandardCharsets.US_ASCII);
	}

	private static boolean isAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean containsIso2022Escape(byte[] bytes) {
		for (int i = 0; i + 2 < bytes.length; i++) {
			if (bytes[i] == 0x1B && bytes[i + 1] == '$' && (bytes[i + 2] == 'B' || bytes[i + 2] == '@')) {
				return true;
			}
		}
		return false;
	}

	static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
