package io.spoofdesk.notification;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.spoofdesk.support.FreePort;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With SMTP configured, unread notifications reach the user's mailbox as one digest, at
 * most once an hour, over a real SMTP conversation (GreenMail on loopback).
 */
@ServerTest
class NotificationDigestTests {

	static final int SMTP_PORT = FreePort.any();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationDigest digest;

	@Test
	void unreadNotificationsGoOutAsOneDigestAtMostOnceAnHour() throws Exception {
		String staff = Users.create(this.port, "STAFF");
		String other = Users.create(this.port, "STAFF");
		this.notifications.notify(staff, NotificationKind.ASSIGNED, "INC-2026-0042 · 全PCでフルスキャン",
				"/incidents/42/checklist/steps/7");
		this.notifications.notify(staff, NotificationKind.OVERDUE, "INC-2026-0042 · パスワード変更",
				"/incidents/42/checklist/steps/8");
		this.notifications.notify(other, NotificationKind.DUE_SOON, "INC-2026-0043 · 社内周知", "/incidents/43");
		this.notifications.markAllRead(other);

		this.digest.send();

		MimeMessage[] received = smtp.getReceivedMessagesForDomain(staff + "@example.jp");
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("[SpoofDesk] 通知 2 件 / 2 notification(s)");
		String body = GreenMailUtil.getBody(received[0]);
		assertThat(received[0].getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat(smtp.getReceivedMessagesForDomain(other + "@example.jp")).as("read ones are not mailed").isEmpty();
		assertThat(new String(received[0].getInputStream().readAllBytes(), "UTF-8")).contains("全PCでフルスキャン",
				"期限切れ / Overdue", "http://localhost:8080/incidents/42/checklist/steps/8");
		assertThat(body).isNotBlank();

		this.notifications.notify(staff, NotificationKind.ASSIGNED, "INC-2026-0044 · 取引先へ連絡", "/incidents/44");
		this.digest.send();
		assertThat(smtp.getReceivedMessagesForDomain(staff + "@example.jp")).as("not again within the hour").hasSize(1);
	}

}
