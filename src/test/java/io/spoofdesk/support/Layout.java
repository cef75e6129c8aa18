package io.spoofdesk.support;

import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What a reader sees go wrong in a page's layout, checked on every page a journey
 * screenshots: the page scrolling sideways (a table or a button row wider than the
 * window), and a table cell squeezed to less than two characters' width, which sets
 * Japanese text one character per line.
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
			  if (box.width < 2.5 * characterWidth) {
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
