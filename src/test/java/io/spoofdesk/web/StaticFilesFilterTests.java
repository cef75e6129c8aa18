package io.spoofdesk.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static-file filter answers a file itself, before any other filter, and passes
 * everything else (other methods, paths that name no file or try to leave their folder)
 * down the chain.
 */
class StaticFilesFilterTests {

	private static final HeaderWriter SECURITY_HEADERS = (request, response) -> response
		.setHeader("X-Content-Type-Options", "nosniff");

	private final StaticFiles files = new StaticFiles(SECURITY_HEADERS);

	private final AtomicInteger passedOn = new AtomicInteger();

	private final FilterChain chain = (request, response) -> this.passedOn.incrementAndGet();

	@Test
	void aFileIsAnsweredFromTheClassPathWithItsTypeDateCachingAndTheSecurityHeaders() throws Exception {
		MockHttpServletResponse response = get("/favicon.svg");

		assertThat(this.passedOn).hasValue(0);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("image/svg+xml");
		assertThat(response.getContentAsByteArray())
			.isEqualTo(new ClassPathResource("static/favicon.svg").getContentAsByteArray());
		assertThat(response.getContentLengthLong()).isEqualTo(response.getContentAsByteArray().length);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
		assertThat(response.getDateHeader("Last-Modified")).isPositive();
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void aFileUnchangedSinceTheBrowsersCopyIsNotSentAgain() throws Exception {
		long lastModified = get("/css/app.css").getDateHeader("Last-Modified");

		MockHttpServletRequest again = request("GET", "/css/app.css");
		again.addHeader("If-Modified-Since", lastModified);
		MockHttpServletResponse notModified = answer(again);
		assertThat(notModified.getStatus()).isEqualTo(304);
		assertThat(notModified.getContentAsByteArray()).isEmpty();

		MockHttpServletRequest older = request("GET", "/css/app.css");
		older.addHeader("If-Modified-Since", lastModified - 1000);
		assertThat(answer(older).getStatus()).isEqualTo(200);

		MockHttpServletRequest garbled = request("GET", "/css/app.css");
		garbled.addHeader("If-Modified-Since", "yesterday");
		assertThat(answer(garbled).getStatus()).isEqualTo(200);
	}

	@Test
	void headAnswersTheHeadersWithoutTheBody() throws Exception {
		MockHttpServletResponse response = answer(request("HEAD", "/js/app.js"));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).contains("javascript");
		assertThat(response.getContentLengthLong()).isPositive();
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void webJarsLinkedByVersionMayBeKeptAYear() throws Exception {
		MockHttpServletResponse response = get(new WebJarAssets().getBootstrapCss());
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/css");
		assertThat(response.getHeader("Cache-Control")).contains("max-age=31536000", "public", "immutable");
		assertThat(this.passedOn).hasValue(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/css/no-such-file.css", "/css/", "/css", "/webjars/", "/js/../application.properties",
			"/css/..%2fapplication.properties", "/css//app.css", "/css/app.css/", "/static/css/app.css",
			"/webjars/bootstrap", "/css/app.css;x=1", "/favicon.svg/x" })
	void aPathThatNamesNoFileGoesOnDownTheChain(String path) throws Exception {
		MockHttpServletResponse response = get(path);
		assertThat(this.passedOn).as(path).hasValue(1);
		assertThat(response.getContentAsByteArray()).as(path).isEmpty();
		assertThat(response.getHeader("X-Content-Type-Options")).as("left to the chain").isNull();
	}

	@Test
	void otherMethodsGoOnDownTheChain() throws Exception {
		answer(request("POST", "/css/app.css"));
		answer(request("PUT", "/favicon.svg"));
		assertThat(this.passedOn).hasValue(2);
	}

	private MockHttpServletResponse get(String path) throws IOException, ServletException {
		return answer(request("GET", path));
	}

	private MockHttpServletResponse answer(MockHttpServletRequest request) throws IOException, ServletException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.files.doFilter(request, response, this.chain);
		return response;
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		return request;
	}

}
