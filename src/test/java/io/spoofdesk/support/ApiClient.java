package io.spoofdesk.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Calls the JSON API of the running server as a script would: Basic or bearer, no
 * cookies.
 */
public final class ApiClient {

	private final String baseUrl;

	private final HttpClient client = HttpClient.newHttpClient();

	private final String authorization;

	private ApiClient(int port, String authorization) {
		this.baseUrl = "http://localhost:" + port;
		this.authorization = authorization;
	}

	public static ApiClient basic(int port, String username, String password) {
		return new ApiClient(port, "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public static ApiClient bearer(int port, String token) {
		return new ApiClient(port, "Bearer " + token);
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient(port, null);
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	public HttpResponse<String> post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * Approves a warning batch as reviewed: reads the batch at {@code batchPath} and
	 * names the draft versions it holds, as the batch page's approve button does.
	 */
	public HttpResponse<String> approveAsReviewed(String batchPath) {
		java.util.regex.Matcher versions = java.util.regex.Pattern.compile("\"reviewedVersions\":\"([^\"]*)\"")
			.matcher(get(batchPath).body());
		String reviewed = versions.find() ? versions.group(1) : "";
		return post(batchPath + "/approve", "{\"reviewedVersions\": \"" + reviewed + "\"}");
	}

	public HttpResponse<String> put(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE());
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept", "application/json");
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder;
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
