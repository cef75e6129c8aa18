package io.spoofdesk.dashboard;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.spoofdesk.mailanalysis.TestMail;
import io.spoofdesk.support.IncidentFixtures;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.RealBrowser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident report and the period report, as pages, PDF (Japanese text in an embedded
 * font) and CSV, in both languages; managers and admins only.
 */
@ServerTest
class ReportTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long fixture(Instant reportedAt, String status, String title) {
		return new IncidentFixtures(this.jdbc).incident(reportedAt, status, title);
	}

	void reached(long incident, Instant reportedAt, String to, int afterHours) {
		new IncidentFixtures(this.jdbc).reached(incident, reportedAt, to, afterHours);
	}

	/**
	 * An incident with a note, status changes, a done step, an analysed mail and a
	 * warning mail sent.
	 */
	long workedIncident(String marker) {
		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK", "MANAGER"), Users.PASSWORD);
		HttpResponse<String> created = helpdesk.post("/api/v1/incidents", """
				{"title": "請求書を装った不審メール %s", "channel": "PHONE", "severity": "HIGH",
				 "summary": "取引先の青葉商事から電話。=HYPERLINK(\\"http://x\\")",
				 "impersonatedAddresses": ["eigyo@kitamura-seiki.co.jp"], "reportedAt": "%s"}""".formatted(marker,
				Instant.now().minusSeconds(7200)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = this.jdbc.sql("SELECT id FROM incident WHERE title LIKE ?")
			.param("%" + marker)
			.query(Long.class)
			.single();
		String path = "/api/v1/incidents/" + id;
		assertThat(helpdesk.post(path + "/notes", "{\"body\": \"ウイルス対策ソフトを更新 " + marker + "\"}").statusCode())
			.isEqualTo(201);
		assertThat(helpdesk.post(path + "/status", "{\"status\": \"TRIAGED\"}").statusCode()).isEqualTo(200);
		this.jdbc.sql("""
				UPDATE checklist_step SET status = 'DONE', completed_by = 'staff-r', completed_at = now(),
				  result_note = '全社員に周知済み' WHERE incident_id = ? AND position = 1""").param(id).update();
		byte[] mail = TestMail.from(TestMail.encodedWord("北村精機 営業部") + " <eigyo@cdn-" + marker + ".example.top>")
			.subject("Re: 請求書の件")
			.text("ご確認ください https://cdn-" + marker + ".example.top/inv")
			.attach("請求書.docm", "application/octet-stream", "macro".getBytes(StandardCharsets.UTF_8))
			.bytes();
		HttpResponse<String> attached = helpdesk.send(helpdesk.request(path + "/mails")
			.header("Content-Type", "message/rfc822")
			.POST(HttpRequest.BodyPublishers.ofByteArray(mail)));
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		long batch = this.jdbc.sql("""
				INSERT INTO warning_batch (incident_id, template_id, language, from_address, status, created_at,
				                           created_by)
				VALUES (?, (SELECT min(id) FROM mail_template), 'ja', 'soumu@kitamura-seiki.co.jp', 'APPROVED', now(),
				        'test') RETURNING id""").param(id).query(Long.class).single();
		this.jdbc.sql("""
				INSERT INTO warning_draft (batch_id, incident_id, recipient_label, to_address, subject, body, status,
				                           sent_by, sent_at, updated_at, updated_by)
				VALUES (?, ?, '青葉商事株式会社', 'info@aoba-trading.co.jp', 's', 'b', 'SENT', 'manager-r', now(), now(),
				        'test')""").params(batch, id).update();
		return id;
	}

	@Test
	void theIncidentReportShowsTheWholeCaseInBothLanguages() {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		long id = workedIncident(marker);
		Browser manager = new Browser(this.port);
		manager.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);

		String ja = manager.get("/incidents/" + id + "/report").body();
		assertThat(ja).contains("インシデント報告書", "請求書を装った不審メール " + marker, "eigyo@kitamura-seiki.co.jp", "初動判断",
				"ウイルス対策ソフトを更新 " + marker, "全社員に周知済み", "staff-r", "cdn-" + marker + ".example.top", "Re: 請求書の件",
				"青葉商事株式会社", "info@aoba-trading.co.jp", "注意喚起メール送信:");
		String en = manager.acceptLanguage("en").get("/incidents/" + id + "/report").body();
		assertThat(en).contains("Incident report", "Timeline", "Partners warned", "Status:", "Triaged");
		assertThat(manager.get("/incidents/" + id).body()).contains("/incidents/" + id + "/report");
		assertThat(ja).as("the way back into the app and the language switch")
			.contains("class=\"report-nav\"", "href=\"/dashboard\"", "href=\"/incidents/" + id + "/report?lang=en\"");
	}

	@Test
	void theIncidentPdfCarriesTheJapaneseTextInAnEmbeddedFont() throws IOException {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		long id = workedIncident(marker);
		Browser manager = new Browser(this.port);
		manager.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);

		List<String> cssWarnings = new java.util.concurrent.CopyOnWriteArrayList<>();
		java.util.logging.Logger cssParser = java.util.logging.Logger.getLogger("com.openhtmltopdf.css-parse");
		java.util.logging.Handler listener = new java.util.logging.Handler() {
			@Override
			public void publish(java.util.logging.LogRecord record) {
				cssWarnings.add(record.getMessage());
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		cssParser.addHandler(listener);
		HttpResponse<byte[]> response;
		try {
			response = manager.send(manager.request("/incidents/" + id + "/report.pdf").GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		finally {
			cssParser.removeHandler(listener);
		}

		assertThat(cssWarnings).as("the stylesheet is what openhtmltopdf supports").isEmpty();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".pdf");
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("インシデント報告書", "請求書を装った不審メール " + marker, "青葉商事株式会社");
			assertThat(fonts(pdf)).anySatisfy((font) -> {
				assertThat(font.getName()).contains("IPAGothic");
				assertThat(font.isEmbedded()).isTrue();
			});
		}
	}

	@Test
	void thePeriodCsvHoldsEveryIncidentReadInBatches() {
		Instant start = Instant.parse("2016-05-01T00:00:00Z");
		int incidents = PeriodReports.STREAM_FETCH_SIZE * 2 + 345;
		for (int i = 0; i < incidents; i++) {
			fixture(start.plusSeconds(60L * i), "NEW", "一括 " + i);
		}
		Browser manager = new Browser(this.port);
		manager.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);

		List<String> lines = manager.get("/reports/period.csv?period=2016-05").body().lines().toList();

		assertThat(lines).hasSize(incidents + 1);
		assertThat(lines.get(1)).contains("一括 0,");
		assertThat(lines.get(incidents)).contains("一括 " + (incidents - 1) + ",");
	}

	@Test
	void thePeriodReportCountsTheIncidentsOfTheMonthAsPagePdfAndCsv() throws IOException {
		Instant reported = Instant.parse("2017-02-10T01:00:00Z");
		long closed = fixture(reported, "CLOSED", "=SUM(A1:A9) 数式ではない");
		reached(closed, reported, "TRIAGED", 2);
		reached(closed, reported, "RECOVERED", 5);
		reached(closed, reported, "CLOSED", 30);
		fixture(Instant.parse("2017-02-28T14:59:00Z"), "NEW", "二月の最後（東京）");
		fixture(Instant.parse("2017-02-28T15:00:00Z"), "NEW", "三月の最初（東京）");
		Browser manager = new Browser(this.port);
		manager.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);

		String page = manager.get("/reports?period=2017-02").body();
		assertThat(page).contains("期間レポート 2017-02", "2017-02-01", "二月の最後（東京）").doesNotContain("三月の最初（東京）");
		assertThat(manager.get("/reports?period=2017-Q1").body()).contains("三月の最初（東京）", "2017-03-31");
		assertThat(manager.get("/reports?period=2017-13").body()).contains("月（2026-11）か四半期（2026-Q4）を選んでください");

		HttpResponse<String> csv = manager.get("/reports/period.csv?period=2017-02");
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("\uFEFF管理番号,件名,取引先,受付経路,重大度,ステータス,");
		assertThat(lines.get(1)).contains(",\"'=SUM(A1:A9) 数式ではない\",", ",完了,", ",2017-02-10 10:00,",
				",2017-02-10 12:00,2017-02-10 15:00,2017-02-11 16:00,2.0,5.0,30.0,", ",CLOSED");

		HttpResponse<byte[]> pdf = manager.send(manager.request("/reports/period.pdf?period=2017-02").GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(new PDFTextStripper().getText(document)).contains("期間レポート 2017-02", "二月の最後");
		}
		assertThat(manager.get("/reports/period.csv?period=nonsense").statusCode()).isEqualTo(404);
	}

	@Test
	void onlyManagersAndAdminsReadReportsAndUnknownIncidentsAreNotFound() {
		long id = fixture(Instant.parse("2017-05-01T00:00:00Z"), "NEW", "権限確認");
		for (String role : List.of("HELPDESK", "STAFF")) {
			Browser browser = new Browser(this.port);
			browser.signIn(Users.create(this.port, role), Users.PASSWORD);
			assertThat(browser.get("/incidents/" + id + "/report").statusCode()).as(role).isEqualTo(403);
			assertThat(browser.get("/incidents/" + id + "/report.pdf").statusCode()).as(role).isEqualTo(403);
			assertThat(browser.get("/reports/period.pdf?period=2017-05").statusCode()).as(role).isEqualTo(403);
		}
		Browser admin = new Browser(this.port);
		admin.signIn(Users.create(this.port, "ADMIN"), Users.PASSWORD);
		assertThat(admin.get("/incidents/" + id + "/report").statusCode()).isEqualTo(200);
		assertThat(admin.get("/incidents/999999999/report").statusCode()).isEqualTo(404);
		assertThat(admin.get("/incidents/999999999/report.pdf").statusCode()).isEqualTo(404);
	}

	@Test
	void theReportPagesReadInARealBrowser() {
		long id = workedIncident(UUID.randomUUID().toString().substring(0, 8));
		String manager = Users.create(this.port, "MANAGER");
		for (String language : List.of("ja", "en")) {
			try (RealBrowser browser = RealBrowser.open(this.port, language)) {
				browser.signIn(manager, Users.PASSWORD).go("/incidents/" + id + "/report");
				assertThat(browser.text()).contains("ja".equals(language) ? "インシデント報告書" : "Incident report");
				browser.screenshot("report-incident-" + language);
				browser.go("/reports");
				assertThat(browser.text()).contains("ja".equals(language) ? "期間レポート" : "Period report");
				browser.screenshot("report-period-" + language);
			}
		}
	}

	static List<PDFont> fonts(PDDocument pdf) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		for (PDPage page : pdf.getPages()) {
			for (var name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
		}
		return fonts;
	}

}
