package io.spoofdesk.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Responses that hand over a file as it was received (raw mails, evidence files). */
public final class Downloads {

	private Downloads() {
	}

	/**
	 * The bytes as a download never shown inline nor sniffed by the browser: what an
	 * attacker wrote (a suspicious mail, an attachment) must not run on our pages.
	 */
	public static ResponseEntity<byte[]> untrusted(String fileName, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

}
