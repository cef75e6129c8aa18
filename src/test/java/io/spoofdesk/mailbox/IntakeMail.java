package io.spoofdesk.mailbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;

/**
 * Mails for the reporting mailbox's tests, written out as they arrive: an Emotet-style
 * mail that shows our staff's name from a foreign address with a ZIP attached, a
 * partner's forward of it (attached as message/rfc822), and replies.
 */
final class IntakeMail {

	private IntakeMail() {
	}

	/** The suspicious mail as the partner received it. */
	static String emotet(String messageId, String subject, String partnerAddress) {
		return """
				Received: from mail.unknown-host.example ([203.0.113.45]) by mx.partner.example with ESMTP;
				 Fri, 27 Nov 2026 09:14:02 +0900
				From: =?UTF-8?B?5YyX5p2R57K+5qmfIOWxseeUsA==?= <info@spoofed-sender.example>
				Reply-To: yamada@kitamura-seiki.co.jp
				To: %s
				Subject: %s
				Date: Fri, 27 Nov 2026 09:13:55 +0900
				Message-ID: %s
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b1"

				--b1
				Content-Type: text/plain; charset=UTF-8

				請求書を添付いたしました。パスワードは別途お送りします。
				https://invoice-check.example.net/view?id=8812
				--b1
				Content-Type: application/zip; name="invoice.zip"
				Content-Disposition: attachment; filename="invoice.zip"
				Content-Transfer-Encoding: base64

				UEsDBBQAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
				--b1--
				""".formatted(partnerAddress, subject, messageId);
	}

	/** A partner's forward of a suspicious mail to the intake address. */
	static String forward(String from, String to, String inner) {
		return """
				From: %s
				To: %s
				Subject: FW: suspicious mail in your name
				Date: Mon, 30 Nov 2026 10:00:00 +0900
				Message-ID: <fw-%d@partner.example>
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="outer"

				--outer
				Content-Type: text/plain; charset=UTF-8

				御社を名乗るメールが届きました。ご確認ください。
				--outer
				Content-Type: message/rfc822

				%s
				--outer--
				""".formatted(from, to, System.nanoTime(), inner);
	}

	/**
	 * A plain reply, optionally in reply to a Message-ID and marked as sent by a machine.
	 */
	static String reply(String from, String to, String subject, String inReplyTo, String text, boolean automatic) {
		return """
				From: %s
				To: %s
				Subject: %s
				Date: Mon, 30 Nov 2026 11:00:00 +0900
				Message-ID: <re-%d@partner.example>
				%s%sMIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8

				%s
				""".formatted(from, to, subject, System.nanoTime(),
				(inReplyTo != null) ? "In-Reply-To: " + inReplyTo + "\n" : "",
				automatic ? "Auto-Submitted: auto-replied\n" : "", text);
	}

	/** A reply with a file attached (a partner sending back what they received). */
	static String replyWithAttachment(String from, String to, String subject, String text, String fileName,
			String fileText) {
		return """
				From: %s
				To: %s
				Subject: %s
				Date: Mon, 30 Nov 2026 11:30:00 +0900
				Message-ID: <re-%d@partner.example>
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="r1"

				--r1
				Content-Type: text/plain; charset=UTF-8

				%s
				--r1
				Content-Type: text/plain; charset=UTF-8; name="%s"
				Content-Disposition: attachment; filename="%s"

				%s
				--r1--
				""".formatted(from, to, subject, System.nanoTime(), text, fileName, fileName, fileText);
	}

	/** Puts a mail into the user's INBOX as the mail server would. */
	static void deliver(GreenMailUser user, String mail) {
		try {
			byte[] raw = mail.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
			user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
