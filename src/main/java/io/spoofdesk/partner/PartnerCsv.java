package io.spoofdesk.partner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.spoofdesk.shared.Csv;

import org.springframework.stereotype.Component;

/**
 * Partners to and from CSV. Columns, by header name: {@code name, name_kana, domains,
 * contact_name, contact_email, contact_phone, contact_role, notes}; several domains are
 * separated by spaces or semicolons. Each row is checked like a form, and reported by its
 * line number.
 */
@Component
class PartnerCsv {

	static final List<String> COLUMNS = List.of("name", "name_kana", "domains", "contact_name", "contact_email",
			"contact_phone", "contact_role", "notes");

	/** Which CSV column a validation error of the command belongs to. */
	private static final Map<String, String> COLUMN_OF = Map.of("name", "name", "nameKana", "name_kana", "notes",
			"notes", "domains", "domains", "contacts[0].name", "contact_name", "contacts[0].email", "contact_email",
			"contacts[0].phone", "contact_phone", "contacts[0].role", "contact_role");

	private final Validator validator;

	PartnerCsv(Validator validator) {
		this.validator = validator;
	}

	ImportPreview preview(String text) {
		List<List<String>> rows;
		try {
			rows = Csv.parse(text);
		}
		catch (IllegalArgumentException ex) {
			return new ImportPreview(List.of(), List.of("partner.import.notCsv"));
		}
		if (rows.isEmpty() || !rows.get(0).contains("name")) {
			return new ImportPreview(List.of(), List.of("partner.import.noHeader"));
		}
		List<String> header = rows.get(0).stream().map(String::trim).toList();
		List<Row> result = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> cells = rows.get(i);
			PartnerCommand command = command(header, cells);
			Set<ConstraintViolation<PartnerCommand>> violations = this.validator.validate(command);
			List<String> errors = violations.stream()
				.map(v -> COLUMN_OF.getOrDefault(
						v.getPropertyPath().toString().replaceAll("\\[\\d+](\\.<[^>]+>)?$", ""),
						v.getPropertyPath().toString()) + ": " + v.getMessage())
				.distinct()
				.sorted()
				.toList();
			result.add(new Row(i + 1, command, errors));
		}
		return new ImportPreview(result, List.of());
	}

	String export(List<PartnerView> partners) {
		StringBuilder out = new StringBuilder("\uFEFF").append(Csv.line(COLUMNS));
		for (PartnerView partner : partners) {
			PartnerView.Contact contact = partner.contacts().isEmpty() ? null : partner.contacts().get(0);
			out.append(Csv.line(Arrays.asList(partner.name(), partner.nameKana(), String.join(" ", partner.domains()),
					(contact != null) ? contact.name() : null, (contact != null) ? contact.email() : null,
					(contact != null) ? contact.phone() : null, (contact != null) ? contact.role() : null,
					partner.notes())));
		}
		return out.toString();
	}

	private static PartnerCommand command(List<String> header, List<String> cells) {
		List<String> domains = Arrays.stream(value(header, cells, "domains").split("[\\s;]+"))
			.filter(domain -> !domain.isBlank())
			.toList();
		String contactName = value(header, cells, "contact_name");
		List<PartnerCommand.ContactCommand> contacts = contactName.isBlank() ? List.of()
				: List.of(new PartnerCommand.ContactCommand(null, contactName,
						blankToNull(value(header, cells, "contact_email")),
						blankToNull(value(header, cells, "contact_phone")),
						blankToNull(value(header, cells, "contact_role"))));
		return new PartnerCommand(value(header, cells, "name"), value(header, cells, "name_kana"),
				value(header, cells, "notes"), domains, contacts, null);
	}

	private static String value(List<String> header, List<String> cells, String column) {
		int index = header.indexOf(column);
		return (index >= 0 && index < cells.size()) ? cells.get(index).trim() : "";
	}

	private static String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}

	/**
	 * One data row: its line in the file, what it would create, and what is wrong with
	 * it.
	 */
	record Row(int line, PartnerCommand command, List<String> errors) {

		public boolean valid() {
			return this.errors.isEmpty();
		}

	}

	/** The rows of an uploaded file, and problems with the file as a whole. */
	record ImportPreview(List<Row> rows, List<String> fileErrors) {

		List<PartnerCommand> validCommands() {
			return this.rows.stream().filter(Row::valid).map(Row::command).toList();
		}

		public long validCount() {
			return this.rows.stream().filter(Row::valid).count();
		}

	}

}
