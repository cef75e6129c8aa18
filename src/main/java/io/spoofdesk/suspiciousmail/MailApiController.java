package io.spoofdesk.suspiciousmail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import io.spoofdesk.mailanalysis.MailAnalysis;
import io.spoofdesk.mailanalysis.NotMailException;
import io.spoofdesk.mailanalysis.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/mail-analysis} analyses a raw mail without storing it;
 * {@code /api/v1/incidents/{id}/mails} stores one on an incident and reads them back. The
 * raw mail is the request body ({@code message/rfc822} or
 * {@code application/octet-stream}), read up to the size cap.
 */
@Tag(name = "Suspicious mail", description = "Analysis of suspicious mail, and the mails attached to incidents.")
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("@may.seeCases()")
class MailApiController {

	private final SuspiciousMails mails;

	private final AnalysisContexts contexts;

	MailApiController(SuspiciousMails mails, AnalysisContexts contexts) {
		this.mails = mails;
		this.contexts = contexts;
	}

	@Operation(summary = "Analyse a mail without storing it")
	@PostMapping(path = "/mail-analysis", consumes = { "message/rfc822", "application/octet-stream" })
	MailAnalysis analyse(HttpServletRequest request) throws IOException {
		return this.mails.withinBudget(size(request), () -> this.mails.analyse(body(request)));
	}

	@Operation(summary = "Attach a suspicious mail to an incident")
	@PostMapping(path = "/incidents/{id}/mails", consumes = { "message/rfc822", "application/octet-stream" })
	@PreAuthorize("@may.editCases()")
	ResponseEntity<SuspiciousMails.Attached> attach(@PathVariable long id, HttpServletRequest request)
			throws IOException {
		SuspiciousMails.Attached attached = this.mails.withinBudget(size(request),
				() -> this.mails.attach(id, body(request), null));
		URI location = URI.create("/api/v1/incidents/" + id + "/mails/" + attached.mailId());
		return attached.duplicate() ? ResponseEntity.ok().location(location).body(attached)
				: ResponseEntity.created(location).body(attached);
	}

	@Operation(summary = "List an incident's mails")
	@GetMapping("/incidents/{id}/mails")
	List<SuspiciousMails.MailRow> list(@PathVariable long id) {
		return this.mails.mailsOf(id);
	}

	@Operation(summary = "Get a stored mail's analysis")
	@GetMapping("/incidents/{id}/mails/{mailId}")
	MailAnalysis get(@PathVariable long id, @PathVariable long mailId) {
		return this.mails.get(id, mailId).analysis();
	}

	/** The body's size as declared, or the size cap when it is not (chunked). */
	private long size(HttpServletRequest request) {
		long declared = request.getContentLengthLong();
		return (declared >= 0) ? declared : this.contexts.maxMailBytes();
	}

	/**
	 * The body, at most the size cap plus one byte (so that "too large" can be told); of
	 * a declared length, read into one array of that length.
	 */
	private byte[] body(HttpServletRequest request) throws IOException {
		long cap = this.contexts.maxMailBytes();
		long declared = request.getContentLengthLong();
		if (declared > cap) {
			throw new NotMailException(NotMailException.Kind.TOO_LARGE,
					new Text("メールが大きすぎます。", "The mail is too large (limit " + cap / (1024 * 1024) + " MB)."));
		}
		try (InputStream in = request.getInputStream()) {
			if (declared >= 0) {
				byte[] raw = new byte[(int) declared];
				int read = in.readNBytes(raw, 0, raw.length);
				return (read == raw.length) ? raw : Arrays.copyOf(raw, read);
			}
			return in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 16));
		}
	}

	@ExceptionHandler(AnalysisBusyException.class)
	ResponseEntity<ProblemDetail> busy(AnalysisBusyException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				ex.reason().in(locale));
		problem.setTitle("Analysis busy");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(AnalysisBusyException.RETRY_AFTER_SECONDS))
			.body(problem);
	}

	@ExceptionHandler(NotMailException.class)
	ProblemDetail notMail(NotMailException ex, Locale locale) {
		HttpStatus status = (ex.kind() == NotMailException.Kind.TOO_LARGE) ? HttpStatus.PAYLOAD_TOO_LARGE
				: HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.reason().in(locale));
		problem.setTitle(ex.kind() == NotMailException.Kind.TOO_LARGE ? "Mail too large" : "Not a mail");
		problem.setProperty("kind", ex.kind().name());
		return problem;
	}

}
