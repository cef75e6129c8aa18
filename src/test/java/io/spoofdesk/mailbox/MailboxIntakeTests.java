package io.spoofdesk.mailbox;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.FreePort;
import io.spoofdesk.support.OurCompany;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting mailbox against real IMAP and SMTP servers (GreenMail on loopback) and
 * the test PostgreSQL: a partner's forward becomes an incident with its analysis,
 * checklist and one acknowledgement; replies join their case; a mail loop ends at one
 * answer; a crafted mail is set aside and the next one filed; two readers file 500 mails
 * once each; a reader that fails in the middle loses and repeats nothing. The schedule is
 * off: each test reads the mailbox itself.
 */
@ServerTest
class MailboxIntakeTests {

	static final int SMTP_PORT = FreePort.any();

	static final int IMAP_PORT = FreePort.any();

	static final String INTAKE = "security@kitamura-seiki.co.jp";

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
			new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"), new ServerSetup(IMAP_PORT, "127.0.0.1", "imap") })
		.withPerMethodLifecycle(true);

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spoofdesk.intake.host", () -> "127.0.0.1");
		registry.add("spoofdesk.intake.port", () -> IMAP_PORT);
		registry.add("spoofdesk.intake.security", () -> "NONE");
		registry.add("spoofdesk.intake.username", () -> INTAKE);
		registry.add("spoofdesk.intake.password", () -> "intake-secret");
		registry.add("spoofdesk.intake.contact-person", () -> "情報システム課 山田");
		registry.add("spoofdesk.intake.contact-phone", () -> "03-0000-0000");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailboxIntake intake;

	@Autowired
	ApplicationContext context;

	@Autowired
	IntakeSettings settings;

	GreenMailUser inbox;

	/** A partner of this test alone, with one contact: the reporter. */
	String partnerDomain;

	String reporter;

	@BeforeEach
	void mailboxAndPartner() {
		this.inbox = mail.setUser(INTAKE, INTAKE, "intake-secret");
		// the mail server is new for each test: so is what was read from it
		this.jdbc.sql("DELETE FROM intake_message").update();
		this.jdbc.sql("DELETE FROM intake_mailbox").update();
		// the environment's settings (these tests' GreenMail), unless a test saves others
		this.jdbc.sql("DELETE FROM intake_settings").update();
		this.settings.forget();
		OurCompany.isKitamura(this.port);
		this.partnerDomain = "aoba-" + UUID.randomUUID().toString().substring(0, 8) + ".co.jp";
		this.reporter = "sato@" + this.partnerDomain;
		String helpdesk = Users.create(this.port, "HELPDESK");
		assertThat(ApiClient.basic(this.port, helpdesk, Users.PASSWORD)
			.post("/api/v1/partners",
					"""
							{"name": "青葉商事 %s", "domains": ["%s"], "contacts": [{"name": "佐藤 花子", "email": "%s"}]}"""
						.formatted(this.partnerDomain, this.partnerDomain, this.reporter))
			.statusCode()).isEqualTo(201);
	}

	Browser admin(Browser browser) {
		browser.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
		return browser;
	}

	ApiClient admin() {
		return ApiClient.basic(this.port, ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
	}

	String emotetForward(String marker) {
		return IntakeMail.forward(this.reporter, INTAKE,
				IntakeMail.emotet("<" + marker + "@spoofed-sender.example>", "Re: invoice " + marker, this.reporter));
	}

	long incidentOf(String column, Object value) {
		return this.jdbc.sql("SELECT incident_id FROM intake_message WHERE " + column + " = ? ORDER BY id LIMIT 1")
			.param(value)
			.query(Long.class)
			.single();
	}

	/** The acknowledgements SpoofDesk sent (from the intake address) to this address. */
	List<MimeMessage> sentTo(String address) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			try {
				String[] from = message.getHeader("From");
				boolean ours = from != null && from[0].contains(INTAKE)
						&& "auto-replied".equals(message.getHeader("Auto-Submitted", null));
				if (ours && message.getAllRecipients() != null
						&& List.of(message.getAllRecipients())
							.stream()
							.anyMatch(recipient -> recipient.toString().contains(address))) {
					found.add(message);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	@Test
	void aForwardedEmotetMailBecomesAnIncidentWithItsAnalysisChecklistAndOneAcknowledgement() throws Exception {
		String marker = UUID.randomUUID().toString();
		IntakeMail.deliver(this.inbox, emotetForward(marker));

		MailboxIntake.Result result = this.intake.pollOnce();

		assertThat(result.error()).isNull();
		assertThat(result.count("NEW_INCIDENT")).isEqualTo(1);
		long incident = incidentOf("from_address", this.reporter);
		assertThat(this.jdbc
			.sql("""
					SELECT i.channel || ' ' || p.name FROM incident i JOIN partner p ON p.id = i.partner_id WHERE i.id = ?""")
			.param(incident)
			.query(String.class)
			.single()).isEqualTo("MAIL 青葉商事 " + this.partnerDomain);
		assertThat(this.jdbc.sql("""
				SELECT analysis -> 'forwardedBy' ->> 'address' FROM incident_mail WHERE incident_id = ?""")
			.param(incident)
			.query(String.class)
			.single()).isEqualTo(this.reporter);
		assertThat(this.jdbc.sql("SELECT count(*) FROM checklist_step WHERE incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single()).isGreaterThan(5);
		List<MimeMessage> acknowledged = sentTo(this.reporter);
		assertThat(acknowledged).hasSize(1);
		String reference = this.jdbc.sql("SELECT reference FROM incident WHERE id = ?")
			.param(incident)
			.query(String.class)
			.single();
		assertThat(acknowledged.get(0).getSubject()).contains("[" + reference + "]");
		assertThat(acknowledged.get(0).getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
		assertThat(this.jdbc.sql("""
				SELECT string_agg(kind || ':' || coalesce(note, '-'), ',' ORDER BY at, id)
				FROM incident_correspondence WHERE incident_id = ?""").param(incident).query(String.class).single())
			.isEqualTo("REPORT:NEW,ACKNOWLEDGEMENT:-");

		// read again: nothing new, nothing sent again, and the mail is marked seen
		assertThat(this.intake.pollOnce().filed()).isZero();
		assertThat(sentTo(this.reporter)).hasSize(1);
		assertThat(seenInInbox()).isEqualTo(1);
	}

	@Test
	void aMailArrivingWhileTheMailboxIsWatchedIsFiledAtOnceWithoutAnyoneReadingIt() throws Exception {
		IntakeProperties environment = this.settings.current();
		IntakeProperties switchedOn = new IntakeProperties(true, environment.host(), environment.port(),
				environment.security(), environment.username(), environment.password(), environment.address(),
				environment.folder(), environment.quarantineFolder(), environment.pollInterval(),
				environment.batchSize(), environment.acknowledge(), environment.language(), environment.contactPerson(),
				environment.contactPhone(), environment.maxMailSize(), environment.analysisTimeout(),
				environment.joinWindow());
		// the test's own watcher: the application's stays away while the mailbox is off
		MailboxWatcher watcher = new MailboxWatcher(() -> switchedOn, this.intake::pollOnce);
		watcher.start();
		try {
			Object firstWait = GreenMailIdle.awaitListening(mail, this.inbox);
			String marker = UUID.randomUUID().toString();

			IntakeMail.deliver(this.inbox, emotetForward(marker));

			waitUntil(() -> this.jdbc.sql("SELECT count(*) FROM intake_message WHERE outcome = 'NEW_INCIDENT'")
				.query(Long.class)
				.single() == 1, "the forward is filed");
			GreenMailIdle.awaitListening(mail, this.inbox, firstWait);
			IntakeMail.deliver(this.inbox, emotetForward(UUID.randomUUID().toString()));
			waitUntil(() -> this.jdbc.sql("SELECT count(*) FROM intake_message").query(Long.class).single() == 2,
					"the second forward is filed");
		}
		finally {
			watcher.stop();
		}
		assertThat(watcher.isRunning()).isFalse();
	}

	/** Waits up to 15 s for something the mailbox's watcher does on its own. */
	static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited 15 s for: " + what);
			}
			Thread.sleep(50);
		}
	}

	@Test
	void aSecondForwardOfTheSameMailJoinsTheOpenIncidentAndTheSameMailAgainIsRecognised() {
		String marker = UUID.randomUUID().toString();
		String forward = emotetForward(marker);
		IntakeMail.deliver(this.inbox, forward);
		IntakeMail.deliver(this.inbox, IntakeMail.forward("kitamura@kitamura-seiki.co.jp", INTAKE,
				IntakeMail.emotet("<" + marker + "@spoofed-sender.example>", "Re: invoice " + marker, "x@y.example")));
		IntakeMail.deliver(this.inbox, forward);

		MailboxIntake.Result result = this.intake.pollOnce();

		assertThat(result.count("NEW_INCIDENT")).isEqualTo(1);
		assertThat(result.count("JOINED")).isEqualTo(1);
		assertThat(result.count("REPEATED")).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(DISTINCT incident_id) FROM intake_message").query(Long.class).single())
			.isEqualTo(1);
		long incident = incidentOf("from_address", this.reporter);
		assertThat(this.jdbc.sql("SELECT count(*) FROM incident_mail WHERE incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aReplyTaggedWithTheReferenceJoinsItsIncidentAsCorrespondence() {
		IntakeMail.deliver(this.inbox, emotetForward(UUID.randomUUID().toString()));
		this.intake.pollOnce();
		long incident = incidentOf("from_address", this.reporter);
		String reference = this.jdbc.sql("SELECT reference FROM incident WHERE id = ?")
			.param(incident)
			.query(String.class)
			.single();
		long incidents = this.jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();

		IntakeMail.deliver(this.inbox, IntakeMail.reply(this.reporter, INTAKE, "Re: [" + reference + "] thanks", null,
				"We deleted the mail. <script>alert(1)</script>", false));
		MailboxIntake.Result result = this.intake.pollOnce();

		assertThat(result.count("CORRESPONDENCE")).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single()).isEqualTo(incidents);
		assertThat(this.jdbc.sql("""
				SELECT note || ' ' || body FROM incident_correspondence WHERE incident_id = ? AND kind = 'REPLY'""")
			.param(incident)
			.query(String.class)
			.single()).startsWith("TAGGED We deleted the mail.");
		// shown as text on the case, never as markup
		String page = admin(new Browser(this.port)).get("/incidents/" + incident).body();
		assertThat(page).contains("id=\"correspondence\"", "&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)");
		assertThat(sentTo(this.reporter)).as("a reply is not acknowledged").hasSize(1);
	}

	@Test
	void aReplyKeepsItsRawMailWithItsAttachmentsAsEvidenceForThoseWhoMayDownloadOriginals() {
		IntakeMail.deliver(this.inbox, emotetForward(UUID.randomUUID().toString()));
		this.intake.pollOnce();
		long incident = incidentOf("from_address", this.reporter);
		String reference = this.jdbc.sql("SELECT reference FROM incident WHERE id = ?")
			.param(incident)
			.query(String.class)
			.single();

		IntakeMail.deliver(this.inbox,
				IntakeMail.replyWithAttachment(this.reporter, INTAKE, "Re: [" + reference + "] what we received",
						"The headers are attached.", "received-headers.txt",
						"Received: from mail.unknown-host.example ([203.0.113.45])"));
		assertThat(this.intake.pollOnce().count("CORRESPONDENCE")).isEqualTo(1);

		long entry = this.jdbc.sql("""
				SELECT id FROM incident_correspondence
				WHERE incident_id = ? AND kind = 'REPLY' AND attachments @> '[{"filename": "received-headers.txt"}]'""")
			.param(incident)
			.query(Long.class)
			.single();
		Browser admin = admin(new Browser(this.port));
		assertThat(admin.get("/incidents/" + incident).body()).contains("received-headers.txt",
				"/incidents/" + incident + "/correspondence/" + entry + "/raw");
		HttpResponse<String> raw = admin.get("/incidents/" + incident + "/correspondence/" + entry + "/raw");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.body()).contains("The headers are attached.", "Received: from mail.unknown-host.example");
		assertThat(raw.headers().firstValue("Content-Disposition").orElse(""))
			.contains(reference + "-reply-" + entry + ".eml");
		// staff work on the case but may not download originals (DESIGN.md's table)
		Browser staff = new Browser(this.port);
		staff.signIn(Users.create(this.port, "STAFF"), Users.PASSWORD);
		assertThat(staff.get("/incidents/" + incident).body()).contains("received-headers.txt")
			.doesNotContain("/correspondence/" + entry + "/raw");
		assertThat(staff.get("/incidents/" + incident + "/correspondence/" + entry + "/raw").statusCode())
			.isEqualTo(403);
	}

	@Test
	void aReplyToASentWarningMarksItAnswered() {
		IntakeMail.deliver(this.inbox, emotetForward(UUID.randomUUID().toString()));
		this.intake.pollOnce();
		long incident = incidentOf("from_address", this.reporter);
		String warningId = "<warning-" + UUID.randomUUID() + "@kitamura-seiki.co.jp>";
		long draft = sentWarning(incident, this.reporter, warningId);

		IntakeMail.deliver(this.inbox,
				IntakeMail.reply(this.reporter, INTAKE, "Re: notice", warningId, "Noted, thank you.", false));
		assertThat(this.intake.pollOnce().count("CORRESPONDENCE")).isEqualTo(1);

		assertThat(this.jdbc.sql("SELECT answered_at IS NOT NULL FROM warning_draft WHERE id = ?")
			.param(draft)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("SELECT note FROM incident_correspondence WHERE incident_id = ? AND kind = 'REPLY'")
			.param(incident)
			.query(String.class)
			.single()).isEqualTo("REPLY_TO_WARNING");
		assertThat(admin().get("/api/v1/incidents/" + incident + "/correspondence").body())
			.contains("\"kind\":\"REPLY\"", "Noted, thank you.");
		long batch = this.jdbc.sql("SELECT batch_id FROM warning_draft WHERE id = ?")
			.param(draft)
			.query(Long.class)
			.single();
		assertThat(admin(new Browser(this.port)).get("/incidents/" + incident + "/warnings/" + batch).body())
			.contains("返信あり");
	}

	long sentWarning(long incident, String to, String messageId) {
		long batch = this.jdbc
			.sql("""
					INSERT INTO warning_batch (incident_id, template_id, language, from_address, status, created_at, created_by)
					VALUES (?, (SELECT min(id) FROM mail_template), 'ja', 'soumu@kitamura-seiki.co.jp', 'APPROVED', now(), 'test')
					RETURNING id""")
			.param(incident)
			.query(Long.class)
			.single();
		return this.jdbc.sql("""
				INSERT INTO warning_draft (batch_id, incident_id, recipient_label, to_address, subject, body, status,
				                           message_id, sent_at, updated_at, updated_by)
				VALUES (?, ?, 'aoba', ?, 'notice', 'body', 'SENT', ?, now(), now(), 'test') RETURNING id""")
			.params(batch, incident, to, messageId)
			.query(Long.class)
			.single();
	}

	@Test
	void aMailLoopStopsAtOneAnswer() throws Exception {
		IntakeMail.deliver(this.inbox, emotetForward(UUID.randomUUID().toString()));
		this.intake.pollOnce();
		assertThat(sentTo(this.reporter)).hasSize(1);
		String acknowledgement = sentTo(this.reporter).get(0).getMessageID();

		// the partner's auto-responder answers our acknowledgement; it answers again; and
		// the
		// partner forwards another mail within the hour
		IntakeMail.deliver(this.inbox, IntakeMail.reply(this.reporter, INTAKE, "Out of office", acknowledgement,
				"I am away until Monday.", true));
		IntakeMail.deliver(this.inbox, IntakeMail.reply(this.reporter, INTAKE, "Out of office", acknowledgement,
				"I am away until Monday.", false));
		IntakeMail.deliver(this.inbox, emotetForward(UUID.randomUUID().toString()));
		MailboxIntake.Result result = this.intake.pollOnce();

		assertThat(result.count("CORRESPONDENCE")).isEqualTo(2);
		assertThat(result.count("NEW_INCIDENT")).isEqualTo(1);
		assertThat(sentTo(this.reporter)).as("one acknowledgement an hour, none to a reply").hasSize(1);
		// and never to our own intake address
		IntakeMail.deliver(this.inbox, IntakeMail.forward(INTAKE, INTAKE,
				IntakeMail.emotet("<" + UUID.randomUUID() + "@x.example>", "Re: loop", INTAKE)));
		this.intake.pollOnce();
		assertThat(sentTo(INTAKE)).isEmpty();
	}

	@Test
	void aCraftedMailIsQuarantinedWithItsReasonAndTheNextIsFiled() throws Exception {
		IntakeMail.deliver(this.inbox, "X-Nothing: here\n\n" + "\u0000".repeat(10) + "not a mail at all");
		IntakeMail.deliver(this.inbox, emotetForward(UUID.randomUUID().toString()));

		MailboxIntake.Result result = this.intake.pollOnce();

		assertThat(result.count("QUARANTINED")).isEqualTo(1);
		assertThat(result.count("NEW_INCIDENT")).isEqualTo(1);
		assertThat(messagesIn("SpoofDesk-Quarantine")).isEqualTo(1);
		assertThat(messagesIn("INBOX")).isEqualTo(1);
		String page = admin(new Browser(this.port)).get("/admin/mailbox").body();
		assertThat(page).contains("id=\"mailbox-quarantine\"", "This is not a mail");
	}

	@Test
	void twoReadersFile500MailsWithNoneLostAndNoneTwice() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 500; i++) {
			IntakeMail.deliver(this.inbox, IntakeMail.emotet("<" + run + "-" + i + "@spoofed-sender.example>",
					"Re: invoice " + run + "-" + i, INTAKE));
		}
		MailboxIntake other = new MailboxIntake(this.context.getBean(IntakeSettings.class),
				this.context.getBean(IntakeState.class), this.context.getBean(MailboxFiler.class),
				this.context.getBean(Acknowledgements.class), "second-instance");
		ExecutorService readers = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (MailboxIntake reader : List.of(this.intake, other)) {
				done.add(readers.submit(() -> {
					int filed = 0;
					for (int round = 0; round < 600; round++) {
						MailboxIntake.Result result = reader.pollOnce();
						assertThat(result.error()).isNull();
						filed += result.filed();
						if (!result.busy() && result.filed() == 0) {
							break;
						}
						if (result.busy()) {
							Thread.sleep(50); // the other reader holds the mailbox
						}
					}
					return filed;
				}));
			}
			int filed = done.get(0).get() + done.get(1).get();
			assertThat(filed).isEqualTo(500);
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT count(DISTINCT uid) FROM intake_message").query(Long.class).single())
			.isEqualTo(500);
		assertThat(this.jdbc.sql("SELECT count(*) FROM incident WHERE title LIKE ?")
			.param("%invoice " + run + "-%")
			.query(Long.class)
			.single()).isEqualTo(500);
	}

	@Test
	void aReaderThatFailsInTheMiddleOfABatchLosesAndRepeatsNothing() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 30; i++) {
			IntakeMail.deliver(this.inbox, IntakeMail.emotet("<" + run + "-" + i + "@spoofed-sender.example>",
					"Re: invoice " + run + "-" + i, INTAKE));
		}
		MailboxFiler filer = this.context.getBean(MailboxFiler.class);
		// the first reader stops dead at the 12th mail, before its filing commits
		MailboxFiler failing = new FailingFiler(filer, 12);
		MailboxIntake first = new MailboxIntake(this.context.getBean(IntakeSettings.class),
				this.context.getBean(IntakeState.class), failing, this.context.getBean(Acknowledgements.class),
				"first-instance");
		MailboxIntake.Result stopped = first.pollOnce();
		assertThat(stopped.error()).contains("stopped");
		assertThat(stopped.count("NEW_INCIDENT")).isEqualTo(11);

		MailboxIntake.Result rest = this.intake.pollOnce();

		assertThat(rest.error()).isNull();
		assertThat(rest.count("NEW_INCIDENT")).isEqualTo(19);
		assertThat(this.jdbc.sql("SELECT count(*) FROM incident WHERE title LIKE ?")
			.param("%invoice " + run + "-%")
			.query(Long.class)
			.single()).isEqualTo(30);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ja", "en" })
	void inTheBrowserTheIncidentThatArrivedByMailShowsItsCorrespondenceAndTheAcknowledgement(String language) {
		IntakeMail.deliver(this.inbox, emotetForward(UUID.randomUUID().toString()));
		this.intake.pollOnce();
		long incident = incidentOf("from_address", this.reporter);
		String helpdesk = Users.create(this.port, "HELPDESK");
		boolean ja = "ja".equals(language);

		try (RealBrowser browser = RealBrowser.open(this.port, language)) {
			browser.signIn(helpdesk, Users.PASSWORD).go("/incidents/" + incident);
			String thread = browser.find(By.id("correspondence")).getText();
			assertThat(thread).contains(ja ? "届出" : "Report", ja ? "新しいインシデントとして受付" : "filed as a new incident",
					ja ? "受付のお知らせ" : "Acknowledgement", this.reporter);
			assertThat(browser.find(By.id("mails")).getText()).contains("invoice");
			browser.screenshot("mailbox-" + language + "-incident-correspondence");

			browser.clickAndWait(By.linkText(ja ? "この相手に返信を作成" : "Draft a reply to this correspondent"),
					".*/incidents/" + incident + ".*");
			assertThat(browser.find(By.id("addressList")).getAttribute("value")).isEqualTo(this.reporter);
			browser.screenshot("mailbox-" + language + "-reply-form");
		}
		try (RealBrowser browser = RealBrowser.open(this.port, language)) {
			browser.signIn(ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD).go("/admin/mailbox");
			assertThat(browser.find(By.id("mailbox-status")).getText()).contains(ja ? "届出 1 通" : "1 reports");
			browser.screenshot("mailbox-" + language + "-admin");
		}
	}

	@Test
	void anAdminSetsTheMailboxUpOnItsPageWithoutEverSeeingThePassword() {
		Browser admin = admin(new Browser(this.port));
		String page = admin.get("/admin/mailbox").body();
		assertThat(page).contains("id=\"mailbox-settings\"", "value=\"127.0.0.1\"", "パスワード: 環境変数に設定されています")
			.doesNotContain("intake-secret");
		Map<String, String> fields = new LinkedHashMap<>(Map.of("enabled", "true", "host", "127.0.0.1", "port", "70000",
				"security", "NONE", "username", INTAKE, "folder", "INBOX", "quarantineFolder", "SpoofDesk-Quarantine",
				"pollSeconds", "60", "language", "ja"));
		// as the browser sends them: an unticked box is its hidden marker alone
		fields.put("_enabled", "on");
		fields.put("_acknowledge", "on");

		AtomicInteger changes = new AtomicInteger();
		ApplicationListener<ApplicationEvent> watcherStandIn = event -> {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof IntakeSettings.Changed) {
				changes.incrementAndGet();
			}
		};
		((ConfigurableApplicationContext) this.context).addApplicationListener(watcherStandIn);

		HttpResponse<String> refused = admin.post("/admin/mailbox", fields);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(changes).as("nothing saved, nothing to tell the watcher").hasValue(0);
		assertThat(refused.body()).contains("ポートは 1〜65535 で入力してください。");
		assertThat(this.settings.saved()).isEmpty();

		// saved without acknowledgements: in force for the next reading (and not switched
		// on,
		// so that the schedule does not read the mailbox while this test does)
		fields.put("port", Integer.toString(IMAP_PORT));
		fields.remove("enabled");
		admin.get("/admin/mailbox");
		assertThat(admin.post("/admin/mailbox", fields).statusCode()).isEqualTo(302);
		assertThat(changes).as("the watcher is told, once committed").hasValue(1);
		((ConfigurableApplicationContext) this.context).removeApplicationListener(watcherStandIn);
		assertThat(admin.get("/admin/mailbox").body()).contains("この画面で保存した設定が使われています");
		IntakeMail.deliver(this.inbox, emotetForward(UUID.randomUUID().toString()));
		assertThat(this.intake.pollOnce().count("NEW_INCIDENT")).isEqualTo(1);
		assertThat(sentTo(this.reporter)).as("acknowledgements switched off").isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'MAILBOX_SETTINGS_SAVED'")
			.query(Long.class)
			.single()).isPositive();

		// the connection check signs in with them
		admin.get("/admin/mailbox");
		admin.post("/admin/mailbox/check", Map.of());
		assertThat(admin.get("/admin/mailbox").body()).contains("受付メールボックスに接続できました。");
	}

	int seenInInbox() throws Exception {
		return withFolder("INBOX", folder -> {
			int seen = 0;
			for (Message message : folder.getMessages()) {
				seen += message.isSet(Flags.Flag.SEEN) ? 1 : 0;
			}
			return seen;
		});
	}

	int messagesIn(String name) throws Exception {
		return withFolder(name, Folder::getMessageCount);
	}

	interface FolderRead {

		int read(Folder folder) throws Exception;

	}

	int withFolder(String name, FolderRead read) throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", IMAP_PORT, INTAKE, "intake-secret");
		try {
			Folder folder = store.getFolder(name);
			folder.open(Folder.READ_ONLY);
			try {
				return read.read(folder);
			}
			finally {
				folder.close(false);
			}
		}
		finally {
			store.close();
		}
	}

	/** A filer that stops (as a process killed mid-way would) at one mail. */
	static final class FailingFiler extends MailboxFiler {

		private final MailboxFiler real;

		private final long stopAt;

		FailingFiler(MailboxFiler real, long stopAt) {
			super(null, null, null, null, null, null, null, null, null, null, null, null);
			this.real = real;
			this.stopAt = stopAt;
		}

		@Override
		Prepared prepare(byte[] raw, long size) {
			return this.real.prepare(raw, size);
		}

		@Override
		Filed file(String folder, long uidValidity, long uid, Prepared prepared) {
			if (uid >= this.stopAt) {
				throw new IllegalStateException("stopped before filing mail " + uid);
			}
			return this.real.file(folder, uidValidity, uid, prepared);
		}

	}

}
