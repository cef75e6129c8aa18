package io.spoofdesk.dashboard;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.shared.Csv;
import io.spoofdesk.shared.CsvLanguage;
import io.spoofdesk.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reports for managers (MANAGER, ADMIN): one incident as a printable page and PDF, and a
 * month or quarter as a page, PDF and CSV.
 */
@Controller
@PreAuthorize("@may.seeReports()")
class ReportController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The period CSV's column labels in the reader's language; the codes come last. */
	private static final List<String> PERIOD_HEADER = List.of("incident.reference", "incident.title",
			"incident.partner", "incident.channel", "incident.severity", "incident.status", "incident.assignee",
			"incident.reportedAt", "csv.triagedAt", "csv.containedAt", "csv.closedAt", "csv.hoursToTriage",
			"csv.hoursToContain", "csv.hoursToClose", "csv.channelCode", "csv.severityCode", "csv.statusCode");

	private final IncidentReports incidentReports;

	private final PeriodReports periodReports;

	private final PdfReports pdf;

	private final CompanyTimeZone timeZone;

	private final Clock clock;

	private final MessageSource messages;

	ReportController(IncidentReports incidentReports, PeriodReports periodReports, PdfReports pdf,
			CompanyTimeZone timeZone, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.incidentReports = incidentReports;
		this.periodReports = periodReports;
		this.pdf = pdf;
		this.timeZone = timeZone;
		this.clock = clock;
	}

	@GetMapping("/incidents/{id}/report")
	String incident(@PathVariable long id, Model model) {
		model.addAllAttributes(incidentModel(id));
		model.addAttribute("pdf", false);
		return "dashboard/report/incident";
	}

	@GetMapping("/incidents/{id}/report.pdf")
	ResponseEntity<byte[]> incidentPdf(@PathVariable long id, Locale locale) {
		Map<String, Object> model = incidentModel(id);
		IncidentReport report = (IncidentReport) model.get("report");
		return pdf(this.pdf.render("dashboard/report/incident", model, locale), report.summary().reference() + ".pdf");
	}

	@GetMapping("/reports")
	String period(@RequestParam(required = false) String period, Model model) {
		ReportPeriod chosen = ReportPeriod.parse(period).orElse(null);
		if (chosen == null) {
			model.addAttribute("periodInvalid", period != null);
			chosen = ReportPeriod.month(thisMonth());
		}
		model.addAllAttributes(periodModel(chosen));
		model.addAttribute("pdf", false);
		model.addAttribute("choices", ReportPeriod.choices(thisMonth()));
		return "dashboard/report/period";
	}

	@GetMapping("/reports/period.pdf")
	ResponseEntity<byte[]> periodPdf(@RequestParam String period, Locale locale) {
		ReportPeriod chosen = ReportPeriod.parse(period)
			.orElseThrow(() -> new NotFoundException("Report period", period));
		return pdf(this.pdf.render("dashboard/report/period", periodModel(chosen), locale),
				"spoofdesk-report-" + chosen.key() + ".pdf");
	}

	/**
	 * Every incident of the period as CSV for Excel in Japan, in the reader's language
	 * with the codes in the last columns (UTF-8 with a byte-order mark, CRLF,
	 * formula-like cells neutralised by {@link Csv}).
	 */
	@GetMapping("/reports/period.csv")
	void periodCsv(@RequestParam String period, Locale locale, HttpServletResponse response) throws IOException {
		ReportPeriod chosen = ReportPeriod.parse(period)
			.orElseThrow(() -> new NotFoundException("Report period", period));
		ZoneId zone = this.timeZone.zoneId();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("spoofdesk-" + chosen.key() + ".csv").build().toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		CsvLanguage language = new CsvLanguage(this.messages, locale);
		Csv.writeLine(out, language.header(PERIOD_HEADER));
		this.periodReports.forEachIncident(chosen,
				(row) -> Csv.writeLine(out, List.of(row.reference(), row.title(), text(row.partner()),
						language.label("channel.", row.channel()), language.label("severity.", row.severity()),
						language.label("status.", row.status()), text(row.assignee()), format(row.reportedAt(), zone),
						format(row.triaged(), zone), format(row.contained(), zone), format(row.closed(), zone),
						hours(row.reportedAt(), row.triaged()), hours(row.reportedAt(), row.contained()),
						hours(row.reportedAt(), row.closed()), row.channel(), row.severity(), row.status())));
		out.flush();
	}

	private Map<String, Object> incidentModel(long id) {
		IncidentReport report = this.incidentReports.of(id).orElseThrow(() -> new NotFoundException("Incident", id));
		return Map.of("report", report, "zone", this.timeZone.zoneId(), "generatedAt", Instant.now(this.clock));
	}

	private Map<String, Object> periodModel(ReportPeriod period) {
		return Map.of("report", this.periodReports.of(period), "zone", this.timeZone.zoneId(), "generatedAt",
				Instant.now(this.clock));
	}

	private YearMonth thisMonth() {
		return YearMonth.now(this.clock.withZone(this.timeZone.zoneId()));
	}

	private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	private static String format(Instant instant, ZoneId zone) {
		return (instant != null) ? WHEN.format(instant.atZone(zone)) : "";
	}

	private static String hours(Instant from, Instant to) {
		return (to != null) ? String.valueOf(Math.round(Duration.between(from, to).toMinutes() / 6.0) / 10.0) : "";
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

}
