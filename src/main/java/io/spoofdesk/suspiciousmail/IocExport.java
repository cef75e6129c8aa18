package io.spoofdesk.suspiciousmail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.spoofdesk.shared.Csv;
import tools.jackson.databind.json.JsonMapper;

/**
 * IOCs as a CSV for people (UTF-8 with BOM, formula-safe cells) and as a STIX 2.1 bundle
 * for a CSIRT. Indicator ids are derived from kind and value, so the same IOC keeps its
 * id across exports.
 */
final class IocExport {

	private IocExport() {
	}

	static byte[] csv(List<Iocs.ExportRow> rows) {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append(Csv.line(List.of("kind", "value", "verified", "first_seen", "last_seen", "incidents")));
		for (Iocs.ExportRow row : rows) {
			out.append(Csv.line(List.of(row.kind().name(), row.value(), Boolean.toString(row.verified()),
					row.firstSeen().toString(), row.lastSeen().toString(), row.references())));
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] stix(List<Iocs.ExportRow> rows, Instant now, JsonMapper json) {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Iocs.ExportRow row : rows) {
			Map<String, Object> indicator = new LinkedHashMap<>();
			indicator.put("type", "indicator");
			indicator.put("spec_version", "2.1");
			indicator.put("id", "indicator--" + uuid(row.kind() + ":" + row.value()));
			indicator.put("created", row.firstSeen().toString());
			indicator.put("modified", now.toString());
			indicator.put("name", row.kind().name() + " " + row.value());
			indicator.put("description", "Seen in spoofed mail reported to SpoofDesk (" + row.references() + ")"
					+ (row.verified() ? "" : "; from an unverified Received header"));
			indicator.put("indicator_types", List.of("malicious-activity"));
			indicator.put("pattern", row.kind().stixPattern(row.value()));
			indicator.put("pattern_type", "stix");
			indicator.put("valid_from", row.firstSeen().toString());
			indicator.put("confidence", row.verified() ? 80 : 30);
			objects.add(indicator);
		}
		Map<String, Object> bundle = new LinkedHashMap<>();
		bundle.put("type", "bundle");
		bundle.put("id", "bundle--" + UUID.randomUUID());
		bundle.put("objects", objects);
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle);
	}

	private static UUID uuid(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
