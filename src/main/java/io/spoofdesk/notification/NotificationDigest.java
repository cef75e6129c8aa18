package io.spoofdesk.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.spoofdesk.identity.UserAccounts;
import io.spoofdesk.identity.UserView;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When SMTP is configured ({@code spring.mail.host}), mails each user their unread
 * notifications as one digest, at most once an hour. The rows are claimed by one UPDATE
 * in the transaction that sends the mail: several instances never send the same
 * notification twice, and a failed send leaves them for the next run.
 */
@Component
class NotificationDigest {

	static final Duration EVERY = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final UserAccounts users;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String from;

	private final String baseUrl;

	NotificationDigest(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, UserAccounts users,
			MessageSource messages, TransactionTemplate transactions, Clock clock,
			@Value("${spoofdesk.notifications.from:spoofdesk@localhost}") String from,
			@Value("${spoofdesk.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.users = users;
		this.messages = messages;
		this.transactions = transactions;
		this.clock = clock;
		this.from = from;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** Sends the digests that are due; answers how many mails went out. */
	@Scheduled(fixedDelayString = "${spoofdesk.notifications.digest-check:PT5M}", initialDelayString = "PT2M")
	public int send() {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		Instant now = Instant.now(this.clock);
		List<String> due = this.jdbc.sql("""
				SELECT n.username FROM notification n
				WHERE n.read_at IS NULL AND n.mailed_at IS NULL
				GROUP BY n.username
				HAVING NOT EXISTS (SELECT 1 FROM notification m WHERE m.username = n.username AND m.mailed_at > ?)""")
			.param(Timestamp.from(now.minus(EVERY)))
			.query(String.class)
			.list();
		int sent = 0;
		for (String username : due) {
			UserView user = this.users.findByUsername(username).orElse(null);
			if (user == null || !user.enabled() || user.email() == null || user.email().isBlank()) {
				continue;
			}
			Boolean mailed = this.transactions.execute(status -> mail(sender, user, now));
			sent += Boolean.TRUE.equals(mailed) ? 1 : 0;
		}
		return sent;
	}

	private boolean mail(JavaMailSender sender, UserView user, Instant now) {
		List<NotificationView> claimed = this.jdbc.sql("""
				UPDATE notification SET mailed_at = ?
				WHERE username = ? AND read_at IS NULL AND mailed_at IS NULL
				RETURNING id, kind, subject, link, created_at""")
			.params(Timestamp.from(now), user.username())
			.query((rs, n) -> new NotificationView(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
					rs.getString("subject"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(), false))
			.list();
		if (claimed.isEmpty()) {
			return false;
		}
		StringBuilder body = new StringBuilder();
		body.append("SpoofDesk: 未読の通知 ")
			.append(claimed.size())
			.append(" 件 / ")
			.append(claimed.size())
			.append(" unread notification(s)\n\n");
		for (NotificationView notification : claimed) {
			body.append("- ")
				.append(kind(notification.kind(), Locale.JAPANESE))
				.append(" / ")
				.append(kind(notification.kind(), Locale.ENGLISH))
				.append(": ")
				.append(notification.subject())
				.append("\n  ")
				.append(this.baseUrl)
				.append(notification.link())
				.append('\n');
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(user.email());
			helper.setSubject("[SpoofDesk] 通知 " + claimed.size() + " 件 / " + claimed.size() + " notification(s)");
			helper.setText(body.toString());
			sender.send(message);
			return true;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not build the digest for " + user.username(), ex);
		}
	}

	private String kind(NotificationKind kind, Locale locale) {
		return this.messages.getMessage("notification.kind." + kind, null, kind.name(), locale);
	}

}
