package io.spoofdesk.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as Excel in Japan reads and writes it: RFC 4180 quoting, UTF-8 with a byte-order
 * mark or Shift_JIS (Windows-31J), and cells that would start a formula neutralised on
 * output.
 */
public final class Csv {

	/** Excel's Shift_JIS, with the NEC and IBM extensions (①, ㈱, 髙). */
	public static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	/** RFC 4180 as Excel writes it; a quote after a quoted cell is kept, not an error. */
	private static final CSVFormat READ = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(true)
		.setTrailingData(true)
		.get();

	private Csv() {
	}

	/**
	 * Decodes uploaded bytes: UTF-8 (with or without BOM) when they are valid UTF-8, else
	 * Windows-31J.
	 */
	public static String decode(byte[] bytes) {
		int offset = (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF) ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, WINDOWS_31J);
		}
	}

	/**
	 * Parses CSV text into rows of cells (quoted cells may hold commas, quotes and line
	 * breaks), with Apache Commons CSV's RFC 4180 reader; blank lines are skipped.
	 * @throws IllegalArgumentException when the text is not CSV (a quoted cell never
	 * closed, say), with the line where reading stopped
	 */
	public static List<List<String>> parse(String text) {
		List<List<String>> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, READ)) {
			for (CSVRecord record : parser) {
				List<String> row = record.toList();
				if (!(row.size() == 1 && row.get(0).isBlank())) {
					rows.add(row);
				}
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new IllegalArgumentException("Not readable as CSV: " + ex.getMessage(), ex);
		}
		return rows;
	}

	/**
	 * One output cell: quoted when needed; a leading = + - @ tab or CR, or their
	 * full-width forms (＝＋－＠, which Japanese Excel reads as the same), is made harmless
	 * text.
	 */
	public static String cell(String value) {
		String text = (value != null) ? value : "";
		boolean formula = !text.isEmpty() && "=+-@\t\r＝＋－＠".indexOf(text.charAt(0)) >= 0;
		if (formula) {
			text = "'" + text;
		}
		if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/** A CSV line (CRLF-terminated) of the given cells. */
	public static String line(List<String> cells) {
		return String.join(",", cells.stream().map(Csv::cell).toList()) + "\r\n";
	}

	/** Writes a CSV line to a stream of rows (a download being written). */
	public static void writeLine(Writer out, List<String> cells) {
		try {
			out.write(line(cells));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
