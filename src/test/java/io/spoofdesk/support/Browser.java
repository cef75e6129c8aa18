package io.spoofdesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for tests against the running server: keeps cookies, does not follow
 * redirects (tests assert them), and reads the CSRF token of the page it last loaded, as
 * a real form post would send it.
 */
public final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private String acceptLanguage = "ja";

	private String lastCsrfToken;

	public Browser(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public Browser acceptLanguage(String language) {
		this.acceptLanguage = language;
		return this;
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(request(path).GET().build());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.lastCsrfToken = matcher.group(1);
		}
		return response;
	}

	/** Posts a form with the CSRF token of the last page loaded. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		if (this.lastCsrfToken != null) {
			withToken.put("_csrf", this.lastCsrfToken);
		}
		return postWithoutToken(path, withToken);
	}

	/**
	 * Posts a form as htmx does: with the CSRF token and the {@code HX-Request} header.
	 */
	public HttpResponse<String> htmxPost(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		if (this.lastCsrfToken != null) {
			withToken.put("_csrf", this.lastCsrfToken);
		}
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("HX-Request", "true")
			.POST(HttpRequest.BodyPublishers.ofString(form(withToken)))
			.build());
	}

	public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Posts a multipart form (text fields and files) with the CSRF token of the last page
	 * loaded, as a browser's file upload does.
	 */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files,
			String fileField) {
		String boundary = "----spoofdesk-test-" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		if (this.lastCsrfToken != null) {
			withToken.put("_csrf", this.lastCsrfToken);
		}
		withToken.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		files.forEach((fileName, content) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
					+ "\"; filename=\"" + fileName + "\"\r\nContent-Type: message/rfc822\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** Loads the login page and signs in; answers the response to the login post. */
	public HttpResponse<String> signIn(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	/** A request to a path, or to an absolute URL such as a redirect's Location. */
	public HttpRequest.Builder request(String path) {
		URI uri = URI.create(path.startsWith("http") ? path : this.baseUrl + path);
		return HttpRequest.newBuilder(uri)
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.header("Accept-Language", this.acceptLanguage);
	}

	public HttpResponse<String> send(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return this.client.send(request, body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
