package io.spoofdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Paths of the CSS and JavaScript WebJars that pages load, with the versions read once
 * from the WebJars themselves. Pages name them as {@code ${@assets.bootstrapCss}}; the
 * app serves them, so SpoofDesk works in a closed network. Fixed paths keep each link
 * free: no resource chain or URL rewriting that looks every link up on the class path.
 */
@ControllerAdvice
public class WebJarAssets {

	private final String bootstrap;

	private final String htmx;

	WebJarAssets() {
		this.bootstrap = versionOf("org.webjars", "bootstrap");
		this.htmx = versionOf("org.webjars.npm", "htmx.org");
	}

	@ModelAttribute("assets")
	WebJarAssets assets() {
		return this;
	}

	public String getBootstrapCss() {
		return "/webjars/bootstrap/" + this.bootstrap + "/css/bootstrap.min.css";
	}

	public String getBootstrapJs() {
		return "/webjars/bootstrap/" + this.bootstrap + "/js/bootstrap.bundle.min.js";
	}

	public String getHtmxJs() {
		return "/webjars/htmx.org/" + this.htmx + "/dist/htmx.min.js";
	}

	private static String versionOf(String groupId, String artifactId) {
		String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("WebJar " + artifactId + " is missing from the class path", ex);
		}
	}

}
