package io.spoofdesk.checklist;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.spoofdesk.checklist.ChecklistPanel.StepContext;
import io.spoofdesk.identity.People;
import io.spoofdesk.shared.Texts;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The checklist's step rows, the one home of their markup: the incident page lists them
 * ({@code checklist/panel}) and a step ticked done through htmx gets its row back.
 * Written here rather than by a Thymeleaf {@code th:each}: the rows were half the
 * incident page's rendering time, about 0.5 ms each, for some 30 expressions per row
 * (docs/benchmarks.md, the same lever as the incident list's rows). Every text is
 * HTML-escaped; attributes built from data hold numeric ids, escaped texts or the CSRF
 * token.
 */
@Component("stepRows")
class StepRows {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final DateTimeFormatter COMPLETED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final People people;

	StepRows(MessageSource messages, People people) {
		this.messages = messages;
		this.people = people;
	}

	/**
	 * The rows of the given steps for this reader.
	 * @param csrf the request's token, for the forms that tick a step done (none without)
	 * @param stepError an error to show under the step {@code stepErrorId}, or null
	 */
	public String html(List<StepView> steps, StepContext ctx, ZoneId zone, CsrfToken csrf, String stepError,
			Long stepErrorId, Locale locale) {
		Row row = new Row(new StringBuilder(steps.size() * 1600), ctx, zone, csrf, locale);
		for (StepView step : steps) {
			row.write(step, (stepError != null && stepErrorId != null && stepErrorId == step.id()) ? stepError : null);
		}
		return row.html.toString();
	}

	/** One reader's rows being written. */
	private final class Row {

		private final StringBuilder html;

		private final StepContext ctx;

		private final ZoneId zone;

		private final CsrfToken csrf;

		private final Locale locale;

		Row(StringBuilder html, StepContext ctx, ZoneId zone, CsrfToken csrf, Locale locale) {
			this.html = html;
			this.ctx = ctx;
			this.zone = zone;
			this.csrf = csrf;
			this.locale = locale;
		}

		void write(StepView s, String error) {
			String page = "/incidents/" + s.incidentId() + "/checklist/steps/" + s.id();
			this.html.append("<li id=\"step-")
				.append(s.id())
				.append("\" class=\"list-group-item d-flex gap-2 align-items-start")
				.append(s.overdue() ? " list-group-item-warning" : "")
				.append("\">\n  <div class=\"flex-grow-1\">\n    <a class=\"fw-semibold\" href=\"")
				.append(page)
				.append("\">")
				.append(Texts.html(s.title()))
				.append("</a>\n");
			if (s.required()) {
				badge(msg("checklist.step.required"));
			}
			if (s.evidenceRequired()) {
				badge(msg("checklist.step.evidenceRequired"));
			}
			this.html.append("    <div class=\"small\">\n      <span class=\"badge ")
				.append(statusClass(s.status()))
				.append("\">")
				.append(Texts.html(msg("stepStatus." + s.status())))
				.append("</span>\n      <span>")
				.append(Texts.html(msg("phase." + s.phase())))
				.append("</span> ·\n      <span>")
				.append(Texts.html(assignee(s)))
				.append("</span> ·\n");
			if (s.dueAt() != null) {
				this.html.append("      <span")
					.append(s.overdue() ? " class=\"text-danger fw-semibold\"" : "")
					.append(">")
					.append(Texts.html((s.overdue() ? msg("checklist.step.overdue") + " " : "")
							+ msg("checklist.step.due", format(s.dueAt(), DUE))))
					.append("</span>\n");
			}
			this.html.append("    </div>\n");
			if (s.reason() != null && !s.reason().isEmpty()) {
				line("small text-prewrap", msg("checklist.step.reason") + ": " + s.reason(), false);
			}
			if (s.resultNote() != null && !s.resultNote().isEmpty()) {
				line("small text-prewrap text-body-secondary", s.resultNote(), false);
			}
			if (s.completedBy() != null && !s.completedBy().isEmpty()) {
				line("small text-body-secondary",
						msg("checklist.step.completed", StepRows.this.people.name(s.completedBy()),
								(s.completedAt() != null) ? format(s.completedAt(), COMPLETED) : ""),
						false);
			}
			if (error != null) {
				line("small text-danger", error, true);
			}
			this.html.append("  </div>\n");
			if (this.ctx.canWork(s) && s.status().isOpen()) {
				if (this.ctx.needsEvidence(s)) {
					evidenceLink(s, page);
				}
				else {
					doneForm(s, page);
				}
			}
			this.html.append("</li>\n");
		}

		private void badge(String label) {
			this.html.append("    <span class=\"badge text-bg-light border\">")
				.append(Texts.html(label))
				.append("</span>\n");
		}

		private void line(String classes, String value, boolean alert) {
			this.html.append("    <div class=\"")
				.append(classes)
				.append(alert ? "\" role=\"alert\">" : "\">")
				.append(Texts.html(value))
				.append("</div>\n");
		}

		private void evidenceLink(StepView s, String page) {
			String label = msg("checklist.step.evidenceFirst");
			this.html.append("  <a class=\"btn btn-sm btn-outline-success text-nowrap\" href=\"")
				.append(page)
				.append("#evidence\" aria-label=\"")
				.append(Texts.html(label + ": " + s.title()))
				.append("\">")
				.append(Texts.html(label))
				.append("</a>\n");
		}

		private void doneForm(StepView s, String page) {
			String label = msg("checklist.step.markDone");
			this.html.append("  <form method=\"post\" action=\"")
				.append(page)
				.append("/status\" hx-post=\"")
				.append(page)
				.append("/status\" hx-target=\"#step-")
				.append(s.id())
				.append("\" hx-swap=\"outerHTML\">");
			if (this.csrf != null) {
				this.html.append("<input type=\"hidden\" name=\"")
					.append(Texts.html(this.csrf.getParameterName()))
					.append("\" value=\"")
					.append(Texts.html(this.csrf.getToken()))
					.append("\"/>");
			}
			this.html.append("\n    <input type=\"hidden\" name=\"status\" value=\"DONE\">\n")
				.append("    <input type=\"hidden\" name=\"version\" value=\"")
				.append(s.version())
				.append("\">\n    <button class=\"btn btn-sm btn-outline-success text-nowrap\" type=\"submit\" aria-label=\"")
				.append(Texts.html(label + ": " + s.title()))
				.append("\">✓ ")
				.append(Texts.html(label))
				.append("</button>\n  </form>\n");
		}

		private String assignee(StepView s) {
			String name = StepRows.this.people.name(s.assignee());
			return (name != null) ? name : msg("checklist.step.unassigned", msg("role." + s.defaultRole()));
		}

		private String format(Instant at, DateTimeFormatter pattern) {
			return pattern.withLocale(this.locale).format(at.atZone(this.zone));
		}

		private String msg(String code, Object... args) {
			return StepRows.this.messages.getMessage(code, (args.length > 0) ? args : null, this.locale);
		}

	}

	/** The status badge's colours. */
	static String statusClass(StepStatus status) {
		return switch (status) {
			case DONE -> "text-bg-success";
			case BLOCKED -> "text-bg-danger";
			case SKIPPED -> "text-bg-secondary";
			case IN_PROGRESS -> "text-bg-info";
			default -> "text-bg-light border";
		};
	}

}
