package io.spoofdesk.suspiciousmail;

import io.spoofdesk.mailanalysis.Refused;
import io.spoofdesk.mailanalysis.Text;

/**
 * Too much mail is being analysed at this moment to start on another without running out
 * of memory ({@link AnalysisBudget}); the same mail may be sent again shortly.
 */
public class AnalysisBusyException extends RuntimeException implements Refused {

	static final int RETRY_AFTER_SECONDS = 10;

	private final Text reason = new Text("ほかのメールの解析が混み合っています。しばらくしてからもう一度お試しください。",
			"Too many mails are being analysed right now. Please try again in a moment.");

	AnalysisBusyException() {
		super("analysis busy");
	}

	@Override
	public Text reason() {
		return this.reason;
	}

}
