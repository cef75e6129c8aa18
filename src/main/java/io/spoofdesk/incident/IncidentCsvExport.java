package io.spoofdesk.incident;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.shared.Csv;
import io.spoofdesk.shared.CsvLanguage;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The filtered incident list as CSV for Excel in Japan, in the reader's language (the
 * codes in the last columns): UTF-8 with a byte-order mark, CRLF, and every cell that
 * starts like a formula (= + - @, tab, CR) prefixed with an apostrophe so a spreadsheet
 * shows it as text instead of running it.
 */
@Controller
class IncidentCsvExport {

	static final int MAX_ROWS = 100_000;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** Column labels in the reader's language; the codes come last. */
	private static final List<String> HEADER = List.of("incident.reference", "incident.title", "incident.status",
			"incident.severity", "incident.assignee", "incident.partner", "incident.channel", "incident.reportedAt",
			"incident.mailReceivedAt", "incident.impersonated", "incident.summary", "csv.statusCode",
			"csv.severityCode", "csv.channelCode");

	private final IncidentList list;

	private final CompanyTimeZone timeZone;

	private final MessageSource messages;

	IncidentCsvExport(IncidentList list, CompanyTimeZone timeZone, MessageSource messages) {
		this.list = list;
		this.timeZone = timeZone;
		this.messages = messages;
	}

	@GetMapping("/incidents/export.csv")
	@PreAuthorize("@may.seeReports()")
	void export(@ModelAttribute IncidentFilter filter, Locale locale, HttpServletResponse response) throws IOException {
		ZoneId zone = this.timeZone.zoneId();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("incidents.csv").build().toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		CsvLanguage language = new CsvLanguage(this.messages, locale);
		Csv.writeLine(out, language.header(HEADER));
		this.list.forEach(filter, zone, MAX_ROWS, row -> Csv.writeLine(out, List.of(row.reference(), row.title(),
				language.label("status.", row.status()), language.label("severity.", row.severity()),
				nullToEmpty(row.assignee()), nullToEmpty(row.partnerName()), language.label("channel.", row.channel()),
				format(row.reportedAt(), zone), format(row.mailReceivedAt(), zone), nullToEmpty(row.impersonated()),
				nullToEmpty(row.summary()), row.status(), row.severity(), row.channel())));
		out.flush();
	}

	private static String format(Instant instant, ZoneId zone) {
		return (instant != null) ? WHEN.format(instant.atZone(zone)) : "";
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
