package io.spoofdesk.settings;

import io.spoofdesk.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/settings/identity}: who "we" are, for admins and scripts. */
@Tag(name = "Settings",
		description = "Who we are: company name, mail domains, staff, mail servers, time zone, working hours, free-mail domains (admins only).")
@RestController
@RequestMapping("/api/v1/settings/identity")
@PreAuthorize("@may.administer()")
class SettingsApiController {

	private final CompanyIdentityService identities;

	SettingsApiController(CompanyIdentityService identities) {
		this.identities = identities;
	}

	@Operation(summary = "Get the company settings")
	@GetMapping
	IdentitySettingsBody get() {
		return IdentitySettingsBody.from(this.identities.current());
	}

	@Operation(summary = "Change the company settings")
	@PutMapping
	IdentitySettingsBody put(@RequestBody IdentitySettingsBody body) {
		DirectFieldBindingResult errors = new DirectFieldBindingResult(body, "identity");
		IdentitySettingsValidator.validate(body, errors);
		if (errors.hasErrors()) {
			throw new InvalidRequestException(errors);
		}
		this.identities.update(body.toIdentity(), null);
		return IdentitySettingsBody.from(this.identities.current());
	}

}
