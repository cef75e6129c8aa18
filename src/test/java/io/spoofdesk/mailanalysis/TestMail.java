package io.spoofdesk.mailanalysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds test mails as raw RFC 5322 bytes, header by header, so each fixture says exactly
 * what it contains. Bodies and names are encoded the way Japanese mailers do (encoded
 * words, RFC 2231 file names, ISO-2022-JP or Shift_JIS bodies).
 */
public final class TestMail {

	private final List<String> headers = new ArrayList<>();

	private String text;

	private Charset textCharset = StandardCharsets.UTF_8;

	private String html;

	private final List<Attachment> attachments = new ArrayList<>();

	public static TestMail from(String from) {
		return new TestMail().header("From", from)
			.header("To", "eigyo@kitamura-seiki.co.jp")
			.header("Date", "Wed, 16 Nov 2022 10:15:00 +0900")
			.header("Message-ID", "<fixture@example.test>")
			.header("Subject", "ご連絡");
	}

	public TestMail header(String name, String value) {
		this.headers.removeIf(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1)
				&& !name.equalsIgnoreCase("Received") && !name.equalsIgnoreCase("Authentication-Results"));
		this.headers.add(name + ": " + value);
		return this;
	}

	/** A header added on top of the others, as a receiving server does. */
	public TestMail received(String value) {
		this.headers.add(0, "Received: " + value);
		return this;
	}

	public TestMail authenticationResults(String value) {
		this.headers.add(0, "Authentication-Results: " + value);
		return this;
	}

	public TestMail subject(String subject) {
		return header("Subject", encodedWord(subject));
	}

	public TestMail text(String text) {
		this.text = text;
		return this;
	}

	public TestMail text(String text, Charset charset) {
		this.text = text;
		this.textCharset = charset;
		return this;
	}

	public TestMail html(String html) {
		this.html = html;
		return this;
	}

	public TestMail attach(String filename, String contentType, byte[] content) {
		this.attachments.add(new Attachment(filename, contentType, content));
		return this;
	}

	public byte[] bytes() {
		StringBuilder mail = new StringBuilder();
		this.headers.forEach(line -> mail.append(line).append("\r\n"));
		mail.append("MIME-Version: 1.0\r\n");
		String boundary = "==fixture-boundary==";
		mail.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
		if (this.text != null) {
			mail.append("--").append(boundary).append("\r\n");
			mail.append("Content-Type: text/plain; charset=\"").append(this.textCharset.name()).append("\"\r\n");
			mail.append("Content-Transfer-Encoding: base64\r\n\r\n");
			mail.append(base64(this.text.getBytes(this.textCharset)));
		}
		if (this.html != null) {
			mail.append("--").append(boundary).append("\r\n");
			mail.append("Content-Type: text/html; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
			mail.append(base64(this.html.getBytes(StandardCharsets.UTF_8)));
		}
		for (Attachment attachment : this.attachments) {
			mail.append("--").append(boundary).append("\r\n");
			mail.append("Content-Type: ").append(attachment.contentType()).append("\r\n");
			mail.append("Content-Transfer-Encoding: base64\r\n");
			mail.append("Content-Disposition: attachment; filename*=UTF-8''")
				.append(percentEncoded(attachment.filename()))
				.append("\r\n\r\n");
			mail.append(base64(attachment.content()));
		}
		mail.append("--").append(boundary).append("--\r\n");
		return mail.toString().getBytes(StandardCharsets.UTF_8);
	}

	public static String encodedWord(String text) {
		if (text.chars().allMatch(c -> c < 0x80)) {
			return text;
		}
		return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

	private static String base64(byte[] content) {
		return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content) + "\r\n";
	}

	private static String percentEncoded(String name) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "._-".indexOf(c) >= 0)) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return encoded.toString();
	}

	/** A ZIP with the given entries (name, content), deflated. */
	public static byte[] zip(String... namesAndContents) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (int i = 0; i < namesAndContents.length; i += 2) {
				zip.putNextEntry(new ZipEntry(namesAndContents[i]));
				zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** A ZIP with one entry of the given bytes (an archive inside an archive, say). */
	public static byte[] zipHolding(String name, byte[] content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** A ZIP whose one entry holds {@code size} zero bytes: tiny, but expands a lot. */
	public static byte[] zipOfZeros(String name, int size) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(name));
			byte[] chunk = new byte[64 * 1024];
			for (int written = 0; written < size; written += chunk.length) {
				zip.write(chunk, 0, Math.min(chunk.length, size - written));
			}
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * A ZIP whose entries are marked encrypted (general purpose bit 0), as a
	 * password-protected ZIP is; the content itself does not matter to the analysis.
	 */
	public static byte[] encryptedZip(String entryName) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			ZipEntry entry = new ZipEntry(entryName);
			byte[] content = "encrypted-looking".getBytes(StandardCharsets.US_ASCII);
			CRC32 crc = new CRC32();
			crc.update(content);
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(content.length);
			entry.setCrc(crc.getValue());
			zip.putNextEntry(entry);
			zip.write(content);
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] zip = bytes.toByteArray();
		for (int i = 0; i + 10 < zip.length; i++) {
			if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
				zip[i + 6] |= 1;
			}
			if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
				zip[i + 8] |= 1;
			}
		}
		return zip;
	}

	private record Attachment(String filename, String contentType, byte[] content) {

	}

}
