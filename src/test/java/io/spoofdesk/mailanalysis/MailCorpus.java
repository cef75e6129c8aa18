package io.spoofdesk.mailanalysis;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A generated corpus of varied mail shaped like real phishing: mostly HTML bodies of
 * 5–100 KB in UTF-8, ISO-2022-JP or Shift_JIS, about one in ten with an attachment (ZIPs,
 * Office documents, shortcuts), a few large ones, some nested and some malformed. The
 * same seed gives the same corpus.
 */
final class MailCorpus {

	private static final Charset[] CHARSETS = { StandardCharsets.UTF_8, Charset.forName("x-windows-iso2022jp"),
			Charset.forName("windows-31j") };

	private static final String[] LABELS = { "UTF-8", "ISO-2022-JP", "Shift_JIS" };

	private static final String[] WORDS = { "請求書", "お世話になっております", "ご確認ください", "見積書", "発注書", "①", "㈱", "invoice",
			"payment", "株式会社", "振込先", "パスワード", "添付", "よろしくお願いいたします", "Re:", "https://example.top/a?b=c" };

	private MailCorpus() {
	}

	static List<byte[]> generate(long seed, int count) {
		Random random = new Random(seed);
		List<byte[]> mails = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			mails.add(mail(random, i));
		}
		return mails;
	}

	static byte[] mail(Random random, int index) {
		int charset = random.nextInt(CHARSETS.length);
		int size = random.nextInt(20) == 0 ? 300_000 + random.nextInt(700_000) : 5_000 + random.nextInt(95_000);
		StringBuilder html = new StringBuilder("<html><body>");
		while (html.length() < size / 3) {
			html.append("<p>").append(words(random, 12)).append("</p>");
			if (random.nextInt(8) == 0) {
				html.append("<a href=\"https://host")
					.append(random.nextInt(50))
					.append(".example.top/p?id=")
					.append(random.nextInt(1000))
					.append("\">link</a>");
			}
			if (random.nextInt(40) == 0) {
				html.append("<img src=x onerror=\"alert(1)\">");
			}
		}
		html.append("</body></html>");
		// boundaries as real mailers write them (Python's email package, Outlook): long
		String boundary = "===============" + Math.abs(random.nextLong()) + "==";
		StringBuilder mail = new StringBuilder();
		mail.append("Received: from host")
			.append(random.nextInt(99))
			.append(".example.top ([198.51.100.")
			.append(random.nextInt(255))
			.append("]) by mx1.kitamura-seiki.co.jp; Mon, 21 Nov 2022 10:00:00 +0900\r\n");
		mail.append("From: \"")
			.append(random.nextBoolean() ? "鈴木 一郎" : "総務部")
			.append("\" <user")
			.append(index)
			.append("@example.top>\r\n");
		mail.append("To: eigyo@kitamura-seiki.co.jp\r\nSubject: ")
			.append(TestMail.encodedWord(words(random, 3)))
			.append("\r\nDate: Mon, 21 Nov 2022 10:00:00 +0900\r\nMIME-Version: 1.0\r\n");
		mail.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
		mail.append("--")
			.append(boundary)
			.append("\r\nContent-Type: multipart/alternative; boundary=\"alt")
			.append(boundary)
			.append("\"\r\n\r\n");
		part(mail, "alt" + boundary, "text/plain; charset=" + LABELS[charset],
				words(random, 40).getBytes(CHARSETS[charset]));
		part(mail, "alt" + boundary, "text/html; charset=" + LABELS[charset],
				html.toString().getBytes(CHARSETS[charset]));
		mail.append("--alt").append(boundary).append("--\r\n");
		if (random.nextInt(10) == 0) {
			byte[] attachment = switch (random.nextInt(4)) {
				case 0 -> TestMail.encryptedZip("doc" + index + ".xlsm");
				case 1 -> TestMail.zip("[Content_Types].xml", "<Types/>", "xl/vbaProject.bin", "VBA");
				case 2 -> TestMail.zip("hacchusho.pdf.lnk", "L", "readme.txt", words(random, 30));
				default -> TestMail.zipOfZeros("scan.txt", 2 * 1024 * 1024);
			};
			mail.append("--")
				.append(boundary)
				.append("\r\nContent-Type: application/zip\r\n")
				.append("Content-Disposition: attachment; filename=\"file")
				.append(index)
				.append(".zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
				.append(Base64.getMimeEncoder().encodeToString(attachment))
				.append("\r\n");
		}
		mail.append("--").append(boundary).append("--\r\n");
		return mail.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static void part(StringBuilder mail, String boundary, String type, byte[] content) {
		mail.append("--")
			.append(boundary)
			.append("\r\nContent-Type: ")
			.append(type)
			.append("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
			.append(Base64.getMimeEncoder().encodeToString(content))
			.append("\r\n");
	}

	private static String words(Random random, int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(5) == 0 ? "\n" : " ");
		}
		return text.toString();
	}

}
