package io.spoofdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, for end-to-end journeys. Screenshots go
 * to {@code target/screenshots/} for review. Without Chromium and its driver on the
 * machine the journey is skipped, unless {@code SPOOFDESK_REQUIRE_BROWSER=true} (as in
 * CI, which installs them) makes that a failure.
 */
public final class RealBrowser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final String baseUrl;

	private final Path userDataDirectory;

	private final java.util.List<String> accessibilityProblems = new java.util.ArrayList<>();

	private final java.util.List<String> layoutProblems = new java.util.ArrayList<>();

	private RealBrowser(WebDriver driver, String baseUrl, Path userDataDirectory) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.userDataDirectory = userDataDirectory;
	}

	public static RealBrowser open(int port, String language) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!installed && "true".equals(System.getenv("SPOOFDESK_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("Chromium and chromium-driver are required but not installed");
		}
		Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed: journey skipped");
		try {
			Path profile = Files.createTempDirectory("spoofdesk-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1280,1000", "--lang=" + language, "--user-data-dir=" + profile);
			options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
			return new RealBrowser(driver, "http://localhost:" + port, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sets the window's size (the journeys start at 1280 × 1000). */
	public RealBrowser resize(int width, int height) {
		this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
		return this;
	}

	public RealBrowser go(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	public RealBrowser signIn(String username, String password) {
		go("/login");
		type(By.name("username"), username);
		type(By.name("password"), password);
		find(By.name("password")).submit();
		return this;
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	public RealBrowser type(By by, String text) {
		WebElement element = find(by);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	/**
	 * Clicks (scrolled into view first) and waits until the URL matches the regular
	 * expression.
	 */
	public RealBrowser clickAndWait(By by, String urlPattern) {
		WebElement element = clickInView(by);
		// the page the click leaves must be gone first: a form that posts back to the
		// page it is on already matches the pattern, and the test would race the server
		return waitForNextPage(element, urlPattern);
	}

	/** Finds an element, scrolls it into view and clicks it. */
	private WebElement clickInView(By by) {
		WebElement element = find(by);
		((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
		return element;
	}

	/** Waits until the page of the element clicked is gone and the URL matches. */
	private RealBrowser waitForNextPage(WebElement clicked, String urlPattern) {
		new org.openqa.selenium.support.ui.WebDriverWait(this.driver, Duration.ofSeconds(15))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.and(gone(clicked),
					org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(urlPattern)));
		return this;
	}

	/**
	 * The element's page was replaced. Selenium's {@code stalenessOf} expects a "stale
	 * element" answer, but while the next page loads Chromium may answer "node does not
	 * belong to the document" instead (seen with Chromium 156): either means gone.
	 */
	private static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(WebElement element) {
		return driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				return true;
			}
		};
	}

	/**
	 * Clicks a button whose form asks for confirmation first, answers OK (checking the
	 * question holds {@code expected}), and waits as {@link #clickAndWait} does.
	 */
	public RealBrowser clickConfirmAndWait(By by, String expected, String urlPattern) {
		WebElement element = clickInView(by);
		org.openqa.selenium.Alert question = new org.openqa.selenium.support.ui.WebDriverWait(this.driver,
				Duration.ofSeconds(5))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
		if (!question.getText().contains(expected)) {
			throw new AssertionError("the confirmation asks \"" + question.getText() + "\", not about " + expected);
		}
		question.accept();
		return waitForNextPage(element, urlPattern);
	}

	/** Clicks an element scrolled into view first (no navigation expected). */
	public RealBrowser click(By by) {
		clickInView(by);
		return this;
	}

	/**
	 * Clicks (scrolled into view first) and waits until an element shows a text, for
	 * changes made in place by htmx.
	 */
	public RealBrowser clickAndWaitForText(By by, By where, String text) {
		clickInView(by);
		new org.openqa.selenium.support.ui.WebDriverWait(this.driver, Duration.ofSeconds(15))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(where, text));
		return this;
	}

	public String text() {
		return find(By.tagName("body")).getText();
	}

	public String url() {
		return this.driver.getCurrentUrl();
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Saves a screenshot as {@code target/screenshots/<name>.png}, and checks the page
	 * against axe-core's WCAG 2.1 A and AA rules: any violation fails the journey when
	 * the browser closes (after its remaining pages were checked too), as does a layout
	 * problem ({@link Layout}).
	 */
	public RealBrowser screenshot(String name) {
		this.accessibilityProblems.addAll(Accessibility.violations(this.driver, name));
		this.layoutProblems.addAll(Layout.problems(this.driver, name));
		try {
			Path target = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
		if (!this.accessibilityProblems.isEmpty()) {
			throw new AssertionError(
					"axe-core found WCAG 2.1 A/AA violations:\n" + String.join("\n", this.accessibilityProblems));
		}
		if (!this.layoutProblems.isEmpty()) {
			throw new AssertionError("Layout problems:\n" + String.join("\n", this.layoutProblems));
		}
	}

	private void deleteProfile() {
		try (var files = Files.walk(this.userDataDirectory)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary profile left behind is harmless
		}
	}

}
