package io.spoofdesk.settings;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import io.spoofdesk.shared.DomainName;

import org.springframework.validation.Errors;

/**
 * Checks identity settings from either the API or the admin page; field names are those
 * of the JSON ({@code workingHours.start}), and the admin form has the same properties.
 */
final class IdentitySettingsValidator {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern HOURS_MINUTES = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");

	private IdentitySettingsValidator() {
	}

	static void validate(IdentitySettingsBody body, Errors errors) {
		if (isBlank(body.companyName())) {
			errors.rejectValue("companyName", "settings.companyName.required");
		}
		else if (body.companyName().length() > 200) {
			errors.rejectValue("companyName", "settings.companyName.tooLong");
		}
		checkHostNames(body.domains(), "domains", errors);
		checkHostNames(body.receivingServers(), "receivingServers", errors);
		if (body.freeMailDomains() != null) {
			checkHostNames(body.freeMailDomains(), "freeMailDomains", errors);
		}
		if (body.sendingHosts() != null && body.sendingHosts()
			.stream()
			.anyMatch(host -> !IpRanges.isValid(host) && !DomainName.isValid(host))) {
			errors.rejectValue("sendingHosts", "settings.sendingHosts.invalid");
		}
		if (body.staff() == null || body.staff()
			.stream()
			.anyMatch(member -> member == null || isBlank(member.name()) || member.email() == null
					|| !EMAIL.matcher(member.email().trim()).matches())) {
			errors.rejectValue("staff", "settings.staff.invalid");
		}
		if (!isZone(body.timeZone())) {
			errors.rejectValue("timeZone", "settings.timeZone.invalid");
		}
		if (body.workingHours() == null) {
			errors.rejectValue("workingHours", "settings.workingHours.invalid");
			return;
		}
		checkTime(body.workingHours().start(), "workingHours.start", errors);
		checkTime(body.workingHours().end(), "workingHours.end", errors);
		if (!errors.hasFieldErrors("workingHours.start") && !errors.hasFieldErrors("workingHours.end")
				&& LocalTime.parse(body.workingHours().start()).equals(LocalTime.parse(body.workingHours().end()))) {
			errors.rejectValue("workingHours.end", "settings.workingHours.empty");
		}
	}

	private static void checkHostNames(List<String> names, String field, Errors errors) {
		if (names == null || names.stream().anyMatch(name -> !DomainName.isValid(name))) {
			errors.rejectValue(field, "settings.hostName.invalid");
		}
	}

	private static void checkTime(String value, String field, Errors errors) {
		if (value == null || !HOURS_MINUTES.matcher(value).matches()) {
			errors.rejectValue(field, "settings.time.invalid");
		}
	}

	private static boolean isZone(String value) {
		if (isBlank(value)) {
			return false;
		}
		try {
			ZoneId.of(value.trim());
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
