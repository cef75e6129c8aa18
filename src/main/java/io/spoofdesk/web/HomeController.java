package io.spoofdesk.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: what the signed-in user can do, by role. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
