package io.spoofdesk.partner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.spoofdesk.shared.Csv;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Partner CSV: upload (UTF-8 or Shift_JIS, as Excel in Japan saves it), a preview with
 * every row's problems, then the import of the valid rows in one transaction; and the
 * export.
 */
@Controller
@RequestMapping("/partners")
class PartnerCsvController {

	static final int MAX_CSV_BYTES = 5 * 1024 * 1024;

	private final PartnerCsv csv;

	private final PartnerDirectory directory;

	PartnerCsvController(PartnerCsv csv, PartnerDirectory directory) {
		this.csv = csv;
		this.directory = directory;
	}

	@GetMapping("/import")
	@PreAuthorize("@may.editCases()")
	String importForm() {
		return "partner/import";
	}

	@PostMapping("/import/preview")
	@PreAuthorize("@may.editCases()")
	String preview(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		if (file.isEmpty() || file.getSize() > MAX_CSV_BYTES) {
			model.addAttribute("failure", file.isEmpty() ? "partner.import.empty" : "partner.import.tooLarge");
			return "partner/import";
		}
		String text = Csv.decode(file.getBytes());
		model.addAttribute("preview", this.csv.preview(text));
		model.addAttribute("csv", text);
		return "partner/import-preview";
	}

	@PostMapping("/import")
	@PreAuthorize("@may.editCases()")
	String importValidRows(@RequestParam("csv") String text, RedirectAttributes redirect) {
		if (text.length() > MAX_CSV_BYTES) {
			// the preview's cap, again: this post carries the text, not the checked file
			redirect.addFlashAttribute("failure", "partner.import.tooLarge");
			return "redirect:/partners/import";
		}
		PartnerCsv.ImportPreview preview = this.csv.preview(text);
		int created = this.directory.createAll(preview.validCommands());
		redirect.addFlashAttribute("importedCount", created);
		redirect.addFlashAttribute("skippedCount", preview.rows().size() - created);
		return "redirect:/partners";
	}

	@GetMapping("/export.csv")
	@PreAuthorize("@may.seeReports()")
	ResponseEntity<byte[]> export() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("partners.csv").build().toString())
			.body(this.csv.export(this.directory.search(null, 100_000)).getBytes(StandardCharsets.UTF_8));
	}

}
