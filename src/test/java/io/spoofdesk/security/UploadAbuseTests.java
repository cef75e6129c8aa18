package io.spoofdesk.security;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.spoofdesk.mailanalysis.TestMail;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile uploads through the real endpoints: file names that climb out of folders or are
 * not UTF-8, ZIP bombs, MIME trees nested hundreds deep or thousands of parts wide, and
 * upload requests of thousands of parts. Each is answered in bounded time and memory
 * (bytes allocated by the server while answering), with a clear result or a clear error,
 * and the page showing it still opens.
 */
@ServerTest
class UploadAbuseTests {

	/** Generous for two slow cores; the engine's own budget is 2 s per mail. */
	static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);

	static final long ALLOCATED_AT_MOST = 256L * 1024 * 1024;

	static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void evidenceFileNamesLoseTheirFoldersAndDownloadUnderTheSafeName() {
		String manager = Users.create(this.port, "MANAGER");
		ApiClient api = ApiClient.basic(this.port, manager, Users.PASSWORD);
		long incident = incident(api);
		long step = firstStep(incident);
		List<String> hostile = List.of("../../../../etc/cron.d/evil.txt", "..\\..\\Windows\\System32\\hosts.txt",
				"/var/lib/postgresql/pg_hba.log", "C:\\fakepath\\scan.log", "....//....//notes.txt", ".bashrc.txt",
				"%2e%2e%2fetc%2fpasswd.txt", "scan%0D%0AContent-Type: text/html.txt", "a\u0007b\u202Etxt.exe.log");
		for (String name : hostile) {
			HttpResponse<String> added = api
				.send(api.request("/api/v1/incidents/" + incident + "/checklist/steps/" + step + "/evidence")
					.header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
					.POST(HttpRequest.BodyPublishers.ofByteArray(new Multipart()
						.file("file", name.getBytes(StandardCharsets.UTF_8), "text/plain", "scan ok\n")
						.bytes())));
			assertThat(added.statusCode()).as(name + ": " + added.body()).isEqualTo(201);
		}
		List<String> stored = this.jdbc.sql("SELECT file_name FROM step_evidence WHERE step_id = ? ORDER BY id")
			.param(step)
			.query(String.class)
			.list();
		assertThat(stored).hasSize(hostile.size())
			.allSatisfy(name -> assertThat(name).doesNotContain("/", "\\", "\u0007", "\u202E").doesNotStartWith("."))
			.contains("evil.txt", "hosts.txt", "pg_hba.log", "scan.log", "notes.txt", "bashrc.txt");
		long first = this.jdbc.sql("SELECT min(id) FROM step_evidence WHERE step_id = ?")
			.param(step)
			.query(Long.class)
			.single();
		Browser browser = new Browser(this.port);
		browser.signIn(manager, Users.PASSWORD);
		HttpResponse<String> download = browser
			.get("/incidents/" + incident + "/checklist/steps/" + step + "/evidence/" + first);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("evil.txt")
			.doesNotContain("/", "..");
	}

	@Test
	void fileNamesThatAreNotUtf8AreReadOrReplacedNeverFatal() throws Exception {
		String helpdesk = Users.create(this.port, "HELPDESK");
		ApiClient api = ApiClient.basic(this.port, helpdesk, Users.PASSWORD);
		long incident = incident(api);
		Browser browser = new Browser(this.port);
		browser.signIn(helpdesk, Users.PASSWORD);
		browser.get("/incidents/" + incident);

		// an upload whose file name is Shift_JIS bytes, as an old mail client or browser
		// sends
		byte[] mail = TestMail.from("\"経理部\" <keiri@cdn-upd.example.top>").subject("請求書").text("添付をご確認ください。").bytes();
		HttpResponse<String> uploaded = browser.send(browser.request("/incidents/" + incident + "/mails")
			.header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(new Multipart().field("_csrf", csrf(browser, incident))
				.file("files", "請求書.eml".getBytes(SHIFT_JIS), "message/rfc822", mail)
				.file("files", "..\\..\\..\\Windows\\Temp\\copy.eml".getBytes(StandardCharsets.UTF_8), "message/rfc822",
						TestMail.from("b@cdn-upd.example.top").subject("copy").text("x").bytes())
				.bytes()))
			.build());
		assertThat(uploaded.statusCode()).isEqualTo(302);
		List<String> stored = this.jdbc.sql("SELECT file_name FROM incident_mail WHERE incident_id = ? ORDER BY id")
			.param(incident)
			.query(String.class)
			.list();
		assertThat(stored).hasSize(2).element(0).asString().endsWith(".eml");
		assertThat(stored.get(1)).as("no folders").isEqualTo("copy.eml");

		// attachment names inside the mail: raw Shift_JIS, an unknown charset, broken
		// percent-escapes
		String raw = String.join("\r\n", "From: =?ISO-2022-JP?B?GyRCN1BNfUl0GyhC?= <keiri@cdn-upd.example.top>",
				"To: sato@aoba-shoji.co.jp", "Subject: Invoice", "MIME-Version: 1.0",
				"Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain", "", "see",
				"--b", "Content-Type: application/octet-stream",
				"Content-Disposition: attachment; filename=\"SHIFT_JIS_NAME\"", "", "TVqQAAMAAAAEAAAA", "--b",
				"Content-Type: application/octet-stream",
				"Content-Disposition: attachment; filename*=x-unknown''%82%A0%82%A2.zip", "", "AAAA", "--b",
				"Content-Type: application/octet-stream",
				"Content-Disposition: attachment; filename*=utf-8''%E8%AB.exe", "", "AAAA", "--b--", "");
		byte[] bytes = raw
			.replace("SHIFT_JIS_NAME", new String("請求書.exe".getBytes(SHIFT_JIS), StandardCharsets.ISO_8859_1))
			.getBytes(StandardCharsets.ISO_8859_1);
		HttpResponse<String> analysed = timed(() -> attach(api, incident, bytes));
		assertThat(analysed.statusCode()).as(analysed.body()).isEqualTo(201);
		long mailId = latestMail(incident);
		HttpResponse<String> page = browser.get("/incidents/" + incident + "/mails/" + mailId);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(".exe", ".zip");
	}

	@Test
	void nulCharactersInAMailNeitherFailTheUploadNorReachTheDatabase() {
		// encoded NULs (a raw NUL byte makes the upload a binary file, refused as not a
		// mail)
		String helpdesk = Users.create(this.port, "HELPDESK");
		ApiClient api = ApiClient.basic(this.port, helpdesk, Users.PASSWORD);
		long incident = incident(api);
		String nulSubject = java.util.Base64.getEncoder().encodeToString("請求\u0000書".getBytes(StandardCharsets.UTF_8));
		String raw = String.join("\r\n", "From: \"=?UTF-8?B?" + nulSubject + "?=\" <keiri@cdn-upd.example.top>",
				"To: sato@aoba-shoji.co.jp", "Subject: =?UTF-8?B?" + nulSubject + "?=", "MIME-Version: 1.0",
				"Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain; charset=UTF-8",
				"Content-Transfer-Encoding: quoted-printable", "", "=E6=9C=AC=00 https://cdn-upd.example.top/a=00b",
				"--b", "Content-Type: application/octet-stream",
				"Content-Disposition: attachment; filename*=utf-8''%E8%AB%8B%00.exe", "", "TVqQAAMAAAAEAAAA", "--b--",
				"");
		HttpResponse<String> attached = timed(() -> attach(api, incident, raw.getBytes(StandardCharsets.UTF_8)));
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		long mail = latestMail(incident);
		assertThat(analysisOf(mail)).doesNotContain("\\u0000").contains("請求");
		Browser browser = new Browser(this.port);
		browser.signIn(helpdesk, Users.PASSWORD);
		assertThat(browser.get("/incidents/" + incident + "/mails/" + mail).statusCode()).isEqualTo(200);
	}

	@Test
	void zipBombsAreMeasuredWithoutBeingUnpacked() {
		ApiClient api = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		long incident = incident(api);
		byte[] flat = TestMail.from("scanner@cdn-upd.example.top")
			.subject("Scanned document")
			.text("Please see the attached scan.")
			.attach("scan_0001.zip", "application/zip", TestMail.zipOfZeros("report.txt", 200 * 1024 * 1024))
			.bytes();
		byte[] nested = TestMail.from("scanner@cdn-upd.example.top")
			.subject("Scanned documents")
			.text("Please see the attached scans.")
			.attach("scans.zip", "application/zip",
					TestMail.zipHolding("inner.zip",
							TestMail.zipHolding("innermost.zip", TestMail.zipOfZeros("report.txt", 64 * 1024 * 1024))))
			.bytes();
		for (byte[] bomb : List.of(flat, nested)) {
			long before = allocatedByAllThreads();
			HttpResponse<String> attached = timed(() -> attach(api, incident, bomb));
			long allocated = allocatedByAllThreads() - before;
			System.out.printf("ZIP bomb of %,d bytes: answered %d, %,d bytes allocated by the server%n", bomb.length,
					attached.statusCode(), allocated);
			assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
			assertThat(allocated).isLessThan(ALLOCATED_AT_MOST);
			assertThat(analysisOf(latestMail(incident))).contains("ARCHIVE_LIMIT_EXCEEDED");
		}
	}

	@Test
	void mimeTreesNestedDeepOrThousandsWideAreReadUpToTheLimits() {
		ApiClient api = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		long incident = incident(api);
		StringBuilder deep = new StringBuilder(
				"From: a@cdn-upd.example.top\r\nTo: b@aoba-shoji.co.jp\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
		int levels = 2000;
		for (int i = 0; i < levels; i++) {
			deep.append("Content-Type: multipart/mixed; boundary=\"b")
				.append(i)
				.append("\"\r\n\r\n--b")
				.append(i)
				.append("\r\n");
		}
		deep.append("Content-Type: text/plain\r\n\r\nbottom\r\n");
		for (int i = levels - 1; i >= 0; i--) {
			deep.append("--b").append(i).append("--\r\n");
		}
		StringBuilder rfc822 = new StringBuilder();
		for (int i = 0; i < levels; i++) {
			rfc822.append("From: a@cdn-upd.example.top\r\nSubject: fwd ")
				.append(i)
				.append("\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n");
		}
		rfc822.append("From: a@cdn-upd.example.top\r\nSubject: bottom\r\n\r\nbottom\r\n");
		StringBuilder wide = new StringBuilder(
				"From: a@cdn-upd.example.top\r\nTo: b@aoba-shoji.co.jp\r\nSubject: wide\r\nMIME-Version: 1.0\r\n"
						+ "Content-Type: multipart/mixed; boundary=\"w\"\r\n\r\n");
		for (int i = 0; i < 20_000; i++) {
			wide.append(
					"--w\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"p")
				.append(i)
				.append(".exe\"\r\n\r\nTVo=\r\n");
		}
		wide.append("--w--\r\n");
		for (String mail : List.of(deep.toString(), rfc822.toString(), wide.toString())) {
			long before = allocatedByAllThreads();
			HttpResponse<String> attached = timed(
					() -> attach(api, incident, mail.getBytes(StandardCharsets.US_ASCII)));
			long allocated = allocatedByAllThreads() - before;
			System.out.printf("MIME tree of %,d bytes: answered %d, %,d bytes allocated by the server%n", mail.length(),
					attached.statusCode(), allocated);
			assertThat(attached.statusCode()).as(attached.body()).isIn(201, 422);
			assertThat(allocated).isLessThan(ALLOCATED_AT_MOST);
		}
		String wideAnalysis = analysisOf(latestMail(incident));
		assertThat(wideAnalysis).contains("more than 500 MIME parts");
		assertThat(new Browser(this.port).get("/incidents/" + incident).statusCode()).isIn(200, 302);
	}

	@Test
	void anUploadRequestOfThousandsOfPartsIsRefusedClearly() {
		String helpdesk = Users.create(this.port, "HELPDESK");
		long incident = incident(ApiClient.basic(this.port, helpdesk, Users.PASSWORD));
		Browser browser = new Browser(this.port);
		browser.signIn(helpdesk, Users.PASSWORD);
		Multipart body = new Multipart().field("_csrf", csrf(browser, incident));
		byte[] mail = TestMail.from("a@cdn-upd.example.top").subject("one of many").text("x").bytes();
		for (int i = 0; i < 5000; i++) {
			body.file("files", ("m" + i + ".eml").getBytes(StandardCharsets.UTF_8), "message/rfc822", mail);
		}
		HttpResponse<String> answered = timed(() -> browser.send(browser.request("/incidents/" + incident + "/mails")
			.header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
			.build()));
		System.out
			.println("PARTS " + answered.statusCode() + " " + answered.body().replaceAll("(?s)<head>.*</head>", ""));
		assertThat(answered.statusCode()).isEqualTo(413);
		assertThat(answered.body()).as("says why, with the limit")
			.contains("ファイルが多すぎます", "100 個まで")
			.doesNotContain("Exception", "org.apache");
		assertThat(this.jdbc.sql("SELECT count(*) FROM incident_mail WHERE incident_id = ?")
			.param(incident)
			.query(Integer.class)
			.single()).as("nothing half-attached").isZero();

		ApiClient api = ApiClient.basic(this.port, Users.create(this.port, "MANAGER"), Users.PASSWORD);
		Multipart evidence = new Multipart();
		for (int i = 0; i < 5000; i++) {
			evidence.file("file", ("scan" + i + ".log").getBytes(StandardCharsets.UTF_8), "text/plain", "ok\n");
		}
		HttpResponse<String> problem = timed(() -> api
			.send(api.request("/api/v1/incidents/" + incident + "/checklist/steps/" + firstStep(incident) + "/evidence")
				.header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
				.POST(HttpRequest.BodyPublishers.ofByteArray(evidence.bytes()))));
		assertThat(problem.statusCode()).isEqualTo(413);
		assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(problem.body()).contains("100 個まで").doesNotContain("Exception", "org.apache");
	}

	static <T> T timed(Supplier<T> call) {
		long started = System.nanoTime();
		T result = call.get();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWERED_WITHIN);
		return result;
	}

	static HttpResponse<String> attach(ApiClient api, long incident, byte[] mail) {
		return api.send(api.request("/api/v1/incidents/" + incident + "/mails")
			.header("Content-Type", "message/rfc822")
			.POST(HttpRequest.BodyPublishers.ofByteArray(mail)));
	}

	String csrf(Browser browser, long incident) {
		return browser.get("/incidents/" + incident)
			.body()
			.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
	}

	long incident(ApiClient api) {
		HttpResponse<String> created = api.post("/api/v1/incidents", """
				{"title": "upload abuse", "channel": "PHONE", "severity": "LOW", "impersonatedAddresses": [],
				 "reportedAt": "2026-11-24T01:30:00Z"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+).*", "$1").replaceAll("(?s),.*", ""));
	}

	long firstStep(long incident) {
		return this.jdbc.sql("SELECT id FROM checklist_step WHERE incident_id = ? AND position = 1")
			.param(incident)
			.query(Long.class)
			.single();
	}

	long latestMail(long incident) {
		return this.jdbc.sql("SELECT max(id) FROM incident_mail WHERE incident_id = ?")
			.param(incident)
			.query(Long.class)
			.single();
	}

	String analysisOf(long mail) {
		return this.jdbc.sql("SELECT analysis::text FROM incident_mail WHERE id = ?")
			.param(mail)
			.query(String.class)
			.single();
	}

	/**
	 * Bytes allocated so far by all live threads of this JVM, the server's included (an
	 * upper bound on what one request can hold).
	 */
	static long allocatedByAllThreads() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
	}

	/** A multipart/form-data body built byte by byte, file names in any encoding. */
	static final class Multipart {

		static final String BOUNDARY = "----spoofdesk-abuse";

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		Multipart field(String name, String value) {
			write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
					+ "\r\n");
			return this;
		}

		Multipart file(String field, byte[] fileName, String contentType, String content) {
			return file(field, fileName, contentType, content.getBytes(StandardCharsets.UTF_8));
		}

		Multipart file(String field, byte[] fileName, String contentType, byte[] content) {
			write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"");
			this.body.writeBytes(fileName);
			write("\"\r\nContent-Type: " + contentType + "\r\n\r\n");
			this.body.writeBytes(content);
			write("\r\n");
			return this;
		}

		byte[] bytes() {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			all.writeBytes(this.body.toByteArray());
			all.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
			return all.toByteArray();
		}

		private void write(String text) {
			this.body.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
		}

	}

}
