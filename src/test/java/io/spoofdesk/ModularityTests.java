package io.spoofdesk;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Modules reach each other only through their public API and events, without cycles. */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(SpoofDeskApplication.class).verify();
	}

}
