package io.spoofdesk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.spoofdesk.SpoofDeskApplication;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.FreePort;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.TestDatabase;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two SpoofDesk instances on different ports against one database, as a deployment behind
 * a load balancer runs them, with shared sessions switched on
 * ({@code spoofdesk.sessions.shared=true}): a user signed in on one instance is signed in
 * on the other, forms and one-time messages carry over, signing out on one ends the
 * session on both; and both instances' mail senders work one queue without sending any
 * draft twice. The two applications get a database of their own, so their senders see
 * only this test's drafts.
 */
class TwoInstanceTests {

	static final int SMTP_PORT = FreePort.any();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	static TestDatabase database;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void twoInstancesOnOneDatabase() throws Exception {
		database = TestDatabase.anotherOnTheRunServer();
		// one after the other: the first migrates the database
		first = start("instance-a");
		second = start("instance-b");
	}

	@AfterAll
	static void stop() throws Exception {
		for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] { first, second }) {
			if (app != null) {
				app.close();
			}
		}
		if (database != null) {
			database.close();
		}
	}

	static ConfigurableApplicationContext start(String name) {
		// command-line arguments: they outrank the system properties that point the other
		// tests at the shared test database
		return new SpringApplicationBuilder(SpoofDeskApplication.class).run(
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--server.port=0", "--server.address=127.0.0.1",
				"--spoofdesk.sessions.shared=true", "--spoofdesk.admin.username=" + ServerTest.ADMIN,
				"--spoofdesk.admin.password=" + ServerTest.ADMIN_PASSWORD, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + SMTP_PORT, "--spring.mail.properties.mail.smtp.localhost=" + name,
				"--spoofdesk.warning-mail.send-initial-delay=PT0S", "--spoofdesk.warning-mail.send-interval=PT0.1S");
	}

	static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void aSessionBegunOnOneInstanceGoesOnOnTheOtherAndEndsOnBoth() {
		int a = port(first);
		int b = port(second);
		String helpdesk = Users.create(a, "HELPDESK");
		// one cookie jar for both: cookies do not depend on the port, as behind one
		// address
		Browser browser = new Browser(a);
		browser.get("/login");
		String beforeSignIn = sessionCookie(browser);
		assertThat(beforeSignIn).as("the login page's session (it holds the CSRF token)").isNotNull();

		assertThat(browser.signIn(helpdesk, Users.PASSWORD).statusCode()).isEqualTo(302);
		String signedIn = sessionCookie(browser);
		assertThat(signedIn).as("a new session id at sign-in (session fixation)").isNotEqualTo(beforeSignIn);
		assertThat(pageWithCookie(b, "/incidents", beforeSignIn).statusCode())
			.as("the id from before sign-in opens nothing, on either instance")
			.isEqualTo(302);

		HttpResponse<String> onB = browser.get(url(b, "/incidents/new"));
		assertThat(onB.statusCode()).as("signed in on the other instance").isEqualTo(200);
		// the form comes from B, is posted to A with B's token: one session, one token
		HttpResponse<String> created = browser.post(url(a, "/incidents"),
				Map.of("title", "二台構成のなりすまし", "channel", "PHONE", "severity", "LOW", "reportedAt", "2026-11-27T10:15"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String incident = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/incidents/", "");
		assertThat(incident).matches("\\d+");

		// a one-time message set on A is shown once on B
		browser.get(url(a, "/incidents/" + incident));
		HttpResponse<String> uploaded = browser.postMultipart(url(a, "/incidents/" + incident + "/mails"), Map.of(),
				Map.of("fake-invoice.eml", mail().getBytes(StandardCharsets.UTF_8)), "files");
		assertThat(uploaded.statusCode()).isEqualTo(302);
		assertThat(browser.get(url(b, "/incidents/" + incident)).body()).contains("fake-invoice.eml",
				"role=\"status\"");
		assertThat(browser.get(url(a, "/incidents/" + incident)).body()).doesNotContain("fake-invoice.eml</strong>");

		browser.get(url(b, "/incidents"));
		assertThat(browser.post(url(b, "/logout"), Map.of()).statusCode()).isEqualTo(302);
		assertThat(pageWithCookie(a, "/incidents", signedIn).statusCode()).as("signed out on both").isEqualTo(302);
		assertThat(pageWithCookie(b, "/incidents", signedIn).statusCode()).isEqualTo(302);
	}

	@Test
	void bothSendersWorkOneQueueAndNoDraftGoesOutTwice() throws Exception {
		int a = port(first);
		int b = port(second);
		ApiClient admin = ApiClient.basic(a, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		admin.put("/api/v1/settings/identity", """
				{"companyName": "北村精機株式会社", "domains": ["kitamura-seiki.co.jp"], "staff": [],
				 "receivingServers": [], "sendingHosts": [], "timeZone": "Asia/Tokyo",
				 "workingHours": {"start": "08:00", "end": "20:00"}}""");
		ApiClient helpdesk = ApiClient.basic(a, Users.create(a, "HELPDESK"), Users.PASSWORD);
		ApiClient manager = ApiClient.basic(b, Users.create(a, "MANAGER"), Users.PASSWORD);
		long incident = id(helpdesk.post("/api/v1/incidents", """
				{"title": "請求書を装ったなりすましメール", "channel": "PHONE", "severity": "HIGH",
				 "impersonatedAddresses": ["yamada@kitamura-seiki.co.jp"], "reportedAt": "2026-11-24T01:30:00Z"}"""));
		int recipients = 200;
		StringBuilder book = new StringBuilder("name,email\\n");
		for (int i = 0; i < recipients; i++) {
			book.append("担当").append(i).append(",tanto@partner").append(i).append(".example.jp\\n");
		}
		long batch = id(helpdesk.post("/api/v1/incidents/" + incident + "/warnings",
				"{\"language\": \"ja\", \"fromAddress\": \"soumu@kitamura-seiki.co.jp\", \"addressList\": \"" + book
						+ "\"}"));
		String drafts = "/api/v1/incidents/" + incident + "/warnings/" + batch;
		assertThat(helpdesk.post(drafts + "/submit", "{}").statusCode()).isEqualTo(200);
		assertThat(manager.approveAsReviewed(drafts).statusCode()).isEqualTo(200);
		Instant queued = Instant.now();
		assertThat(manager.post(drafts + "/queue", "{}").body()).contains("\"queued\":" + recipients);

		JdbcClient jdbc = first.getBean(JdbcClient.class);
		Instant deadline = Instant.now().plusSeconds(60);
		while (unsent(jdbc, batch) > 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		System.out.println(recipients + " drafts sent by two instances in "
				+ Duration.between(queued, Instant.now()).toMillis() + " ms");
		Thread.sleep(1000); // time for a second send, were there one
		assertThat(unsent(jdbc, batch)).isZero();
		assertThat(
				jdbc.sql("SELECT count(*) FROM warning_draft WHERE batch_id = ? AND status = 'SENT' AND attempts = 1")
					.param(batch)
					.query(Integer.class)
					.single())
			.as("each draft leased once and sent")
			.isEqualTo(recipients);

		MimeMessage[] received = smtp.getReceivedMessages();
		Map<String, Integer> perRecipient = new HashMap<>();
		Map<String, Integer> perInstance = new HashMap<>();
		for (MimeMessage message : received) {
			perRecipient.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
			perInstance.merge(sentBy(message), 1, Integer::sum);
		}
		System.out.println("Sent per instance: " + perInstance);
		assertThat(received).hasSize(recipients);
		assertThat(perRecipient).hasSize(recipients).allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
		assertThat(perInstance).as("both instances sent").containsKeys("instance-a", "instance-b");
	}

	static int unsent(JdbcClient jdbc, long batch) {
		return jdbc.sql("SELECT count(*) FROM warning_draft WHERE batch_id = ? AND status <> 'SENT'")
			.param(batch)
			.query(Integer.class)
			.single();
	}

	/**
	 * The name the sending instance gave in its SMTP greeting, from the Received header.
	 */
	static String sentBy(MimeMessage message) throws Exception {
		String[] received = message.getHeader("Received");
		Matcher matcher = Pattern.compile("HELO (instance-[ab])").matcher(String.join(" ", received));
		return matcher.find() ? matcher.group(1) : "unknown";
	}

	static long id(HttpResponse<String> created) {
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher matcher = Pattern.compile("^\\{\"id\":(\\d+)").matcher(created.body());
		assertThat(matcher.find()).as(created.body()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	static String sessionCookie(Browser browser) {
		return browser.cookie("SESSION");
	}

	static String url(int port, String path) {
		return "http://localhost:" + port + path;
	}

	/**
	 * A page asked for with just this session cookie, as a stolen or stale cookie would.
	 */
	static HttpResponse<String> pageWithCookie(int port, String path, String session) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url(port, path)))
					.header("Cookie", "SESSION=" + session)
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String mail() {
		List<String> lines = new ArrayList<>(List.of("From: \"Yamada\" <yamada@kitamura-seiki.co.jp.evil.example>",
				"To: sato@aoba-shoji.co.jp", "Subject: =?UTF-8?B?6KuL5rGC5pu4?=",
				"Message-ID: <two-instances@evil.example>", "Date: Tue, 24 Nov 2026 09:00:00 +0900",
				"MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "", "ご確認ください。"));
		return String.join("\r\n", lines) + "\r\n";
	}

}
