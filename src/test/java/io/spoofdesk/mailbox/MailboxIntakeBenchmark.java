package io.spoofdesk.mailbox;

import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.FreePort;
import io.spoofdesk.support.OurCompany;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 mails waiting in the reporting mailbox (GreenMail IMAP on loopback), read,
 * analysed and filed by one instance: 60 % partners' forwards of new suspicious mails
 * (each a new incident with its checklist; the partner acknowledged once an hour), 20 %
 * second forwards of one of those mails (joined to its incident), 15 % tagged replies
 * (correspondence), 5 % not mail (quarantined). Runs only when asked for
 * ({@code bench/mailbox-intake.sh}); the numbers go to docs/benchmarks.md.
 */
@ServerTest
@EnabledIfSystemProperty(named = "benchmark", matches = "mailbox-intake")
class MailboxIntakeBenchmark {

	static final int SMTP_PORT = FreePort.any();

	static final int IMAP_PORT = FreePort.any();

	static final String INTAKE = MailboxIntakeTests.INTAKE;

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
			new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"), new ServerSetup(IMAP_PORT, "127.0.0.1", "imap") });

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spoofdesk.intake.host", () -> "127.0.0.1");
		registry.add("spoofdesk.intake.port", () -> IMAP_PORT);
		registry.add("spoofdesk.intake.security", () -> "NONE");
		registry.add("spoofdesk.intake.username", () -> INTAKE);
		registry.add("spoofdesk.intake.password", () -> "intake-secret");
	}

	@LocalServerPort
	int port;

	@Autowired
	MailboxIntake intake;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fileAThousandWaitingMails() {
		int count = Integer.getInteger("benchmark.mails", 1000);
		GreenMailUser inbox = mail.setUser(INTAKE, INTAKE, "intake-secret");
		this.jdbc.sql("DELETE FROM intake_message").update();
		this.jdbc.sql("DELETE FROM intake_mailbox").update();
		OurCompany.isKitamura(this.port);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String domain = "bench-" + run + ".co.jp";
		String reporter = "sato@" + domain;
		String helpdesk = Users.create(this.port, "HELPDESK");
		assertThat(ApiClient.basic(this.port, helpdesk, Users.PASSWORD)
			.post("/api/v1/partners",
					"""
							{"name": "ベンチ商事 %s", "domains": ["%s"], "contacts": [{"name": "佐藤 花子", "email": "%s"}]}"""
						.formatted(run, domain, reporter))
			.statusCode()).isEqualTo(201);
		// a case to reply to
		IntakeMail.deliver(inbox, IntakeMail.forward(reporter, INTAKE,
				IntakeMail.emotet("<" + run + "-first@spoofed.example>", "Re: invoice " + run, reporter)));
		this.intake.pollOnce();
		String reference = this.jdbc.sql("""
				SELECT i.reference FROM intake_message m JOIN incident i ON i.id = m.incident_id
				WHERE m.from_address = ? ORDER BY m.id LIMIT 1""").param(reporter).query(String.class).single();

		for (int i = 0; i < count; i++) {
			int kind = i % 20;
			String mailId = "<" + run + "-" + i + "@spoofed.example>";
			if (kind < 12) {
				IntakeMail.deliver(inbox, IntakeMail.forward(reporter, INTAKE,
						IntakeMail.emotet(mailId, "Re: invoice " + run + "-" + i, reporter)));
			}
			else if (kind < 16) {
				String earlier = "<" + run + "-" + (i - 12) + "@spoofed.example>";
				IntakeMail.deliver(inbox, IntakeMail.forward("kitamura@kitamura-seiki.co.jp", INTAKE,
						IntakeMail.emotet(earlier, "Re: invoice " + run + "-" + (i - 12), "x@y.example")));
			}
			else if (kind < 19) {
				IntakeMail.deliver(inbox, IntakeMail.reply(reporter, INTAKE, "Re: [" + reference + "] " + i, null,
						"Thank you. We deleted it.", false));
			}
			else {
				IntakeMail.deliver(inbox, "X-Nothing: here\n\n" + "\u0000".repeat(10) + i);
			}
		}

		long started = System.nanoTime();
		int filed = 0;
		while (filed < count) {
			MailboxIntake.Result result = this.intake.pollOnce();
			assertThat(result.error()).isNull();
			if (result.filed() == 0) {
				break;
			}
			filed += result.filed();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		assertThat(filed).isEqualTo(count);
		System.out.printf("mailbox-intake: %d mails filed in %.1f s = %.1f mails/s%n", filed, seconds, filed / seconds);
		System.out.println("mailbox-intake: outcomes " + this.jdbc.sql("""
				SELECT string_agg(outcome || ' ' || n, ', ' ORDER BY outcome)
				FROM (SELECT outcome, count(*) AS n FROM intake_message GROUP BY outcome) t""")
			.query(String.class)
			.single());
	}

}
