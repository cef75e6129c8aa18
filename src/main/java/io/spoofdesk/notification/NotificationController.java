package io.spoofdesk.notification;

import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.shared.CompanyTimeZone;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The notification list, the bell's unread count, and marking notifications read. */
@Controller
class NotificationController {

	private final Notifications notifications;

	private final CompanyTimeZone timeZone;

	NotificationController(Notifications notifications, CompanyTimeZone timeZone) {
		this.notifications = notifications;
		this.timeZone = timeZone;
	}

	@GetMapping("/notifications")
	String list(Model model) {
		model.addAttribute("notifications", this.notifications.recent(CurrentUser.username(), 100));
		model.addAttribute("zone", this.timeZone.zoneId());
		return "notification/list";
	}

	/** The bell, loaded by htmx after the page so pages do not pay for the count. */
	@GetMapping("/notifications/bell")
	String bell(Model model) {
		model.addAttribute("unread", this.notifications.unreadCount(CurrentUser.username()));
		return "notification/list :: bell";
	}

	@PostMapping("/notifications/{id}/open")
	String open(@PathVariable long id) {
		return "redirect:" + this.notifications.open(CurrentUser.username(), id);
	}

	@PostMapping("/notifications/read")
	String readAll() {
		this.notifications.markAllRead(CurrentUser.username());
		return "redirect:/notifications";
	}

}
