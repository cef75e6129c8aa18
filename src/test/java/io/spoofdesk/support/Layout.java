package io.spoofdesk.support;

import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What a reader sees go wrong in a page's layout, checked on every page a journey
 * screenshots: the page scrolling sideways (a table or a button row wider than the
 * window), and a table cell squeezed to less than two characters' width so that its text
 * wraps, which sets Japanese text one character per line (a short number that fits on one
 * line in a narrow cell is fine).
 */
final class Layout {

	private static final String CHECK = """
			const problems = [];
			const page = document.documentElement;
			if (page.scrollWidth > window.innerWidth + 1) {
			  problems.push('the page scrolls sideways: ' + page.scrollWidth + ' px wide in a '
			      + window.innerWidth + ' px window');
			}
			const cells = document.querySelectorAll('tbody > tr:nth-child(-n+100) > td, thead th');
			for (const cell of cells) {
			  const text = cell.innerText.trim();
			  const box = cell.getBoundingClientRect();
			  if (text.length < 3 || box.width === 0) continue;
			  const characterWidth = parseFloat(getComputedStyle(cell).fontSize);
			  const range = document.createRange();
			  range.selectNodeContents(cell);
			  const lines = new Set(Array.from(range.getClientRects(), rect => Math.round(rect.top))).size;
			  if (box.width < 2.5 * characterWidth && lines > 1) {
			    problems.push('a table cell is ' + Math.round(box.width) + ' px wide for "'
			        + text.substring(0, 30) + '"');
			  }
			}
			return problems;
			""";

	private Layout() {
	}

	/** One line per problem, prefixed with the page's name. */
	@SuppressWarnings("unchecked")
	static List<String> problems(WebDriver driver, String page) {
		List<String> problems = (List<String>) ((JavascriptExecutor) driver).executeScript(CHECK);
		return problems.stream().map(problem -> page + ": " + problem).toList();
	}

}
