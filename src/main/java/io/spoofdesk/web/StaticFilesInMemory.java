package io.spoofdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Keeps each static file, once found, in memory with its name and date. A file inside the
 * application's jar otherwise costs class-path look-ups for its date, its size and its
 * bytes on every request. The files are the application's own (a few hundred at most);
 * one larger than {@link #LARGEST} is served from the jar as before.
 */
final class StaticFilesInMemory extends AbstractResourceResolver {

	static final int LARGEST = 1024 * 1024;

	private final ConcurrentMap<String, Resource> files = new ConcurrentHashMap<>();

	@Override
	protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		Resource kept = this.files.get(requestPath);
		if (kept != null) {
			return kept;
		}
		Resource found = chain.resolveResource(request, requestPath, locations);
		if (found == null) {
			return null;
		}
		try {
			if (found.contentLength() > LARGEST) {
				return found;
			}
			kept = new FileInMemory(found.getContentAsByteArray(), found.getFilename(), found.lastModified());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.files.putIfAbsent(requestPath, kept);
		return kept;
	}

	@Override
	protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourceUrlPath, locations);
	}

	/** The bytes of a file with the name (for its media type) and date it had. */
	private static final class FileInMemory extends ByteArrayResource {

		private final String filename;

		private final long lastModified;

		FileInMemory(byte[] content, String filename, long lastModified) {
			super(content, filename);
			this.filename = filename;
			this.lastModified = lastModified;
		}

		@Override
		public String getFilename() {
			return this.filename;
		}

		@Override
		public long lastModified() {
			return this.lastModified;
		}

	}

}
