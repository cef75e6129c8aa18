package io.spoofdesk.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who was impersonated, as the helpdesk types it: one identity per line (or comma), an
 * address or a name without one (「営業部 山田」); a line with several addresses gives each.
 */
record Impersonated(List<String> addresses, List<String> names) {

	static Impersonated parse(String text) {
		List<String> addresses = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (String entry : text.split("[\\r\\n,;、]+")) {
			String identity = entry.strip();
			if (identity.isEmpty()) {
				continue;
			}
			if (identity.indexOf('@') >= 0) {
				Arrays.stream(identity.split("\\s+")).filter(address -> !address.isBlank()).forEach(addresses::add);
			}
			else {
				names.add(identity);
			}
		}
		return new Impersonated(addresses, names);
	}

}
