package io.spoofdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.util.StreamUtils;

/**
 * The application's static files (its stylesheets, scripts and icon, and the WebJars the
 * pages link by exact version), answered by the first filter of every request, from
 * memory: none of the page filters, the security chain or the dispatcher's mappings run
 * for them (issue 18: a favicon paid for all of them and ran at a fifth of Petclinic's
 * speed). Each file keeps the pages' security headers; our own files are revalidated
 * (Last-Modified) on each use, WebJars may be kept a year. A path that names no file goes
 * on down the chain and ends as the application's 404.
 */
final class StaticFiles implements jakarta.servlet.Filter {

	/** The URL paths this filter is registered for. */
	static final String[] URL_PATTERNS = { "/webjars/*", "/css/*", "/js/*", "/favicon.svg" };

	/** Files larger than this are read from the jar on each request, not kept. */
	static final int LARGEST_KEPT = 1024 * 1024;

	/**
	 * Letters, digits, dots, dashes, underscores and slashes; nothing a path could escape
	 * with.
	 */
	private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9._\\-/]*");

	private static final String OWN_FILES = CacheControl.noCache().getHeaderValue();

	private static final List<Place> PLACES = List.of(
			new Place("/webjars/", "META-INF/resources/webjars/",
					CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable().getHeaderValue()),
			new Place("/css/", "static/css/", OWN_FILES), new Place("/js/", "static/js/", OWN_FILES),
			new Place("/favicon.svg", "static/favicon.svg", OWN_FILES));

	private final HeaderWriter securityHeaders;

	private final ConcurrentMap<String, StaticFile> kept = new ConcurrentHashMap<>();

	StaticFiles(HeaderWriter securityHeaders) {
		this.securityHeaders = securityHeaders;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		String method = request.getMethod();
		boolean head = "HEAD".equals(method);
		StaticFile file = (head || "GET".equals(method)) ? find(pathOf(request)) : null;
		if (file == null) {
			chain.doFilter(request, response);
			return;
		}
		this.securityHeaders.writeHeaders(request, response);
		response.setHeader(HttpHeaders.CACHE_CONTROL, file.cacheControl());
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, file.lastModified());
		if (notModifiedSince(request, file.lastModified())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(file.contentType());
		response.setContentLengthLong(file.length());
		if (!head) {
			file.writeTo(response);
		}
	}

	/**
	 * The path within the application, as the dispatcher would match it (decoded,
	 * normalised).
	 */
	private static String pathOf(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		return (pathInfo != null) ? request.getServletPath() + pathInfo : request.getServletPath();
	}

	/** The file the path names, or null when it names none (or is not a plain path). */
	StaticFile find(String path) {
		StaticFile file = this.kept.get(path);
		if (file != null) {
			return file;
		}
		if (!PLAIN_PATH.matcher(path).matches() || path.contains("..") || path.contains("//") || path.endsWith("/")) {
			return null;
		}
		for (Place place : PLACES) {
			String location = place.locationOf(path);
			if (location != null) {
				file = read(location, place.cacheControl());
				if (file != null && file.bytes() != null) {
					this.kept.putIfAbsent(path, file);
				}
				return file;
			}
		}
		return null;
	}

	private static StaticFile read(String location, String cacheControl) {
		ClassPathResource resource = new ClassPathResource(location, StaticFiles.class.getClassLoader());
		MediaType type = MediaTypeFactory.getMediaType(resource.getFilename()).orElse(null);
		if (type == null || !resource.isReadable()) {
			return null;
		}
		try {
			long length = resource.contentLength();
			long lastModified = resource.lastModified() / 1000 * 1000; // HTTP dates have
																		// whole seconds
			byte[] bytes = (length <= LARGEST_KEPT) ? resource.getContentAsByteArray() : null;
			return new StaticFile(resource, bytes, (bytes != null) ? bytes.length : length, type.toString(),
					lastModified, cacheControl);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean notModifiedSince(HttpServletRequest request, long lastModified) {
		try {
			long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
			return since != -1 && lastModified <= since;
		}
		catch (IllegalArgumentException ex) {
			return false; // a date that does not parse is no condition
		}
	}

	/** Where the files of one URL prefix (or one URL) are on the class path. */
	private record Place(String urlPrefix, String location, String cacheControl) {

		String locationOf(String path) {
			if (!this.urlPrefix.endsWith("/")) {
				return path.equals(this.urlPrefix) ? this.location : null;
			}
			return (path.startsWith(this.urlPrefix) && path.length() > this.urlPrefix.length())
					? this.location + path.substring(this.urlPrefix.length()) : null;
		}

	}

	/**
	 * One file: its bytes (null when too large to keep), type, date and how long it may
	 * be kept.
	 */
	record StaticFile(ClassPathResource resource, byte[] bytes, long length, String contentType, long lastModified,
			String cacheControl) {

		void writeTo(HttpServletResponse response) throws IOException {
			if (this.bytes != null) {
				response.getOutputStream().write(this.bytes);
				return;
			}
			try (InputStream in = this.resource.getInputStream()) {
				StreamUtils.copy(in, response.getOutputStream());
			}
		}

	}

}
