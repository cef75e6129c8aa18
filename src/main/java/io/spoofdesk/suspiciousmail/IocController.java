package io.spoofdesk.suspiciousmail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.spoofdesk.incident.Incidents;
import io.spoofdesk.settings.CompanyIdentityService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
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
 * An IOC's page (every incident it appears in), and the IOC exports of one incident or a
 * period, as CSV and as a STIX 2.1 bundle.
 */
@Controller
class IocController {

	private final Iocs iocs;

	private final Incidents incidents;

	private final CompanyIdentityService identities;

	private final JsonMapper json;

	private final Clock clock;

	IocController(Iocs iocs, Incidents incidents, CompanyIdentityService identities, JsonMapper json, Clock clock) {
		this.iocs = iocs;
		this.incidents = incidents;
		this.identities = identities;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/iocs")
	@PreAuthorize("@may.seeCases()")
	String sightings(@RequestParam IocKind kind, @RequestParam String value, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("value", value);
		model.addAttribute("sightings", this.iocs.sightings(kind, value));
		model.addAttribute("zone", this.identities.current().zoneId());
		return "suspiciousmail/ioc";
	}

	@GetMapping("/incidents/{id}/iocs.csv")
	@PreAuthorize("@may.seeReports()")
	ResponseEntity<byte[]> incidentCsv(@PathVariable long id) {
		String reference = this.incidents.get(id).reference();
		return download(IocExport.csv(this.iocs.forExport(id, null, null)), reference + "-iocs.csv",
				"text/csv;charset=UTF-8");
	}

	@GetMapping("/incidents/{id}/iocs.stix.json")
	@PreAuthorize("@may.seeReports()")
	ResponseEntity<byte[]> incidentStix(@PathVariable long id) {
		String reference = this.incidents.get(id).reference();
		return download(IocExport.stix(this.iocs.forExport(id, null, null), this.clock.instant(), this.json),
				reference + "-iocs.stix.json", "application/stix+json;version=2.1");
	}

	@GetMapping("/iocs/export.csv")
	@PreAuthorize("@may.seeReports()")
	ResponseEntity<byte[]> periodCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return download(IocExport.csv(period(from, to)), "iocs-" + from + "-" + to + ".csv", "text/csv;charset=UTF-8");
	}

	@GetMapping("/iocs/export.stix.json")
	@PreAuthorize("@may.seeReports()")
	ResponseEntity<byte[]> periodStix(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return download(IocExport.stix(period(from, to), this.clock.instant(), this.json),
				"iocs-" + from + "-" + to + ".stix.json", "application/stix+json;version=2.1");
	}

	/**
	 * The IOCs first seen from the start of {@code from} to the end of {@code to}, in our
	 * time zone.
	 */
	private List<Iocs.ExportRow> period(LocalDate from, LocalDate to) {
		ZoneId zone = this.identities.current().zoneId();
		return this.iocs.forExport(null, from.atStartOfDay(zone).toInstant(),
				to.plusDays(1).atStartOfDay(zone).toInstant());
	}

	private static ResponseEntity<byte[]> download(byte[] body, String fileName, String contentType) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

}
