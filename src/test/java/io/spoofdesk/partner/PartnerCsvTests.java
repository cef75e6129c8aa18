package io.spoofdesk.partner;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.spoofdesk.shared.Csv;
import io.spoofdesk.support.ApiClient;
import io.spoofdesk.support.Browser;
import io.spoofdesk.support.ServerTest;
import io.spoofdesk.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners imported from Excel's CSV (Shift_JIS or UTF-8), previewed row by row, and
 * exported.
 */
@ServerTest
class PartnerCsvTests {

	static final String HEADER = "name,name_kana,domains,contact_name,contact_email,contact_phone,contact_role,notes\r\n";

	@LocalServerPort
	int port;

	@Autowired
	PartnerDirectory directory;

	@Test
	void shiftJisFileIsPreviewedWithEachBadRowAndOnlyValidRowsAreImported() {
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		String csv = HEADER
				+ "㈱髙橋製作所,たかはしせいさくしょ,takahashi-ss.co.jp,髙橋 花子,hanako@takahashi-ss.co.jp,03-1111-2222,総務,\r\n"
				+ "壊れた行の会社,,bad domain,担当,not-an-address,,,\r\n"
				+ "\"カンマ, を含む会社\",,comma.example.jp,,,,,\"複数行の\r\nメモ\"\r\n";

		HttpResponse<String> preview = upload(helpdesk, csv.getBytes(Csv.WINDOWS_31J));

		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("3 行のうち 2 行を取り込めます", "㈱髙橋製作所", "カンマ, を含む会社", "table-danger",
				"contact_email:", "domains:");
		String text = preview.body().replaceAll("(?s).*<textarea name=\"csv\" hidden>(.*?)</textarea>.*", "$1");

		HttpResponse<String> imported = helpdesk.post("/partners/import",
				Map.of("csv", org.springframework.web.util.HtmlUtils.htmlUnescape(text)));

		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(helpdesk.get("/partners").body()).contains("2 件の取引先を取り込みました（エラーで除外: 1 件）");
		assertThat(this.directory.search("髙橋製作所", 5)).singleElement().satisfies(partner -> {
			assertThat(partner.domains()).containsExactly("takahashi-ss.co.jp");
			assertThat(partner.contacts().get(0).email()).isEqualTo("hanako@takahashi-ss.co.jp");
		});
		assertThat(this.directory.search("カンマ", 5)).singleElement()
			.satisfies(partner -> assertThat(partner.notes()).isEqualTo("複数行の\r\nメモ"));
		assertThat(this.directory.search("壊れた行の会社", 5)).isEmpty();
	}

	@Test
	void theApiImportsTheSameFileAfterADryRunAndMergesADuplicate() {
		ApiClient helpdesk = ApiClient.basic(this.port, Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		String marker = Long.toString(System.nanoTime());
		String csv = HEADER + "API取込商事" + marker + ",,api-" + marker + ".example.jp,,,,,\r\n" + "API取込物産" + marker
				+ ",,api2-" + marker + ".example.jp,,,,,\r\n" + "壊れた行,,bad domain,,,,,\r\n";

		HttpResponse<String> dryRun = importCsv(helpdesk, "?dryRun=true", csv.getBytes(Csv.WINDOWS_31J));
		assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
		assertThat(dryRun.body()).contains("\"dryRun\":true", "\"validRows\":2", "\"created\":0", "\"line\":4");
		assertThat(this.directory.search("API取込商事" + marker, 5)).isEmpty();

		HttpResponse<String> imported = importCsv(helpdesk, "", csv.getBytes(Csv.WINDOWS_31J));
		assertThat(imported.body()).contains("\"created\":2");
		long keep = this.directory.search("API取込商事" + marker, 5).get(0).id();
		long duplicate = this.directory.search("API取込物産" + marker, 5).get(0).id();

		HttpResponse<String> merged = helpdesk.post("/api/v1/partners/" + keep + "/merge",
				"{\"duplicateId\": " + duplicate + "}");
		assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
		assertThat(merged.body()).contains("api-" + marker + ".example.jp", "api2-" + marker + ".example.jp");
		assertThat(this.directory.find(duplicate)).isEmpty();
		assertThat(importCsv(helpdesk, "", "no,header\r\n".getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(409);
	}

	private static HttpResponse<String> importCsv(ApiClient api, String query, byte[] file) {
		return api.send(api.request("/api/v1/partners/import" + query)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofByteArray(file)));
	}

	@Test
	void utf8FileWithABomIsReadToo() {
		Browser manager = new Browser(this.port);
		manager.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = (HEADER + "ユニコード商会,,unicode.example.jp,,,,,\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, file, 0, bom.length);
		System.arraycopy(body, 0, file, bom.length, body.length);

		assertThat(upload(manager, file).body()).contains("1 行のうち 1 行を取り込めます", "ユニコード商会");
	}

	@Test
	void theImportRefusesTextOverThePreviewsCapToo() {
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		helpdesk.get("/partners/import");
		String huge = "name,domains\r\n" + "大量インポート社,huge.example.jp\r\n".repeat(200_000);

		HttpResponse<String> imported = helpdesk.postMultipart("/partners/import", Map.of("csv", huge), Map.of(), null);

		assertThat(imported.statusCode()).as("refused, not a 500").isIn(302, 413);
		assertThat(imported.body()).doesNotContain("Exception");
		assertThat(this.directory.search("大量インポート社", 5)).isEmpty();
	}

	@Test
	void fileWithoutHeaderIsRefusedAsAWhole() {
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		assertThat(upload(helpdesk, "foo,bar\r\n".getBytes(StandardCharsets.UTF_8)).body())
			.contains("1行目に列名（name など）がありません");
	}

	@Test
	void exportIsExcelReadyAndNeutralisesFormulas() {
		this.directory.create(new PartnerCommand("=cmd|' /C calc'!A0", null, "@SUM(1+1)", java.util.List.of(),
				java.util.List.of(), null));
		Browser manager = new Browser(this.port);
		manager.signIn(Users.create(this.port, "MANAGER"), Users.PASSWORD);

		HttpResponse<String> export = manager.get("/partners/export.csv");

		assertThat(export.body()).startsWith("\uFEFFname,name_kana,domains");
		assertThat(export.body()).contains("\"'=cmd|' /C calc'!A0\"", "\"'@SUM(1+1)\"");
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(Users.create(this.port, "HELPDESK"), Users.PASSWORD);
		assertThat(helpdesk.get("/partners/export.csv").statusCode()).isEqualTo(403);
	}

	@Test
	void aFileThatIsNotCsvIsRefusedWithAReasonNotAServerError() {
		Browser helpdesk = new Browser(this.port);
		helpdesk.signIn(Users.create(this.port, "HELPDESK"), Users.PASSWORD);

		HttpResponse<String> preview = upload(helpdesk,
				(HEADER + "\"閉じない引用符の会社,,x.example.jp,,,,,\r\n").getBytes(StandardCharsets.UTF_8));

		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("CSVとして読めません").doesNotContain("取り込めます");
	}

	private static HttpResponse<String> upload(Browser browser, byte[] file) {
		String page = browser.get("/partners/import").body();
		String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		String boundary = "----partners";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"partners.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return browser.send(browser.request("/partners/import/preview")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofByteArray(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build());
	}

}
