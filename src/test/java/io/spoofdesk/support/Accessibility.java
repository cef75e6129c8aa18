package io.spoofdesk.support;

import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's engine, as the accessibility review runs it) on the page a real
 * browser shows: the WCAG 2.0/2.1 level A and AA rules.
 */
final class Accessibility {

	static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/**
	 * WCAG 2.1 rules axe-core still calls experimental (off unless asked for): a label's
	 * visible text must be part of the control's accessible name (2.5.3), and pages must
	 * not lock the orientation (1.3.4).
	 */
	static final List<String> EXPERIMENTAL_WCAG_21 = List.of("label-content-name-mismatch", "css-orientation-lock");

	private Accessibility() {
	}

	/** One line per violated rule and element, prefixed with the page's name. */
	static List<String> violations(WebDriver driver, String page) {
		List<String> lines = new ArrayList<>();
		lines.addAll(lines(page, builder().withTags(WCAG_21_AA).analyze(driver)));
		lines.addAll(lines(page, builder().withOnlyRules(EXPERIMENTAL_WCAG_21).analyze(driver)));
		return lines;
	}

	/**
	 * A table's rows past the hundredth repeat the markup of those before (a shared test
	 * database can fill the overdue list with thousands), so they are left out; the
	 * timeout allows for the pages that are long anyway.
	 */
	private static AxeBuilder builder() {
		return new AxeBuilder().exclude("tbody > tr:nth-child(n+101)").setTimeout(120);
	}

	private static List<String> lines(String page, Results results) {
		List<String> lines = new ArrayList<>();
		if (results.isErrored()) {
			lines.add(page + ": axe-core did not run: " + results.getErrorMessage());
			return lines;
		}
		for (Rule rule : results.getViolations()) {
			for (CheckedNode node : rule.getNodes()) {
				lines.add(page + ": " + rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
						+ node.getTarget() + " " + abbreviated(node.getFailureSummary()));
			}
		}
		return lines;
	}

	private static String abbreviated(String text) {
		String line = (text != null) ? text.replaceAll("\\s+", " ") : "";
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

}
