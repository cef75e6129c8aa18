package io.spoofdesk.mailanalysis;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The engine's entry point: raw mail bytes in, a {@link MailAnalysis} out. Malformed mail
 * is analysed as far as it can be, with warnings; input that is not mail at all is
 * refused with a {@link NotMailException}. Thread-safe and stateless.
 */
public final class MailAnalyzer {

	private static final Set<String> MAIL_HEADERS = Set.of("from", "to", "subject", "date", "received", "message-id",
			"mime-version", "content-type", "return-path", "reply-to", "cc", "sender", "delivered-to");

	/**
	 * Analyses one mail.
	 * @throws NotMailException when the input is empty, over the size cap or not mail
	 */
	public MailAnalysis analyze(byte[] raw, AnalysisContext context) {
		refuseNonMail(raw, context.limits());
		Warnings warnings = new Warnings();
		ParsedMail outer = MimeReader.read(raw, context.limits(), warnings);
		if (outer.headers.stream().noneMatch(field -> MAIL_HEADERS.contains(field.lowerName()))) {
			throw new NotMailException(NotMailException.Kind.NOT_MAIL, new Text(
					"メールのヘッダー (From, Subject, Date など) が見つかりません。.eml 形式のメールを添付してください。",
					"No mail headers (From, Subject, Date...) were found. Please attach the mail as an .eml file."));
		}
		ParsedMail analysed = outer;
		MailAnalysis.Forward forward = null;
		if (outer.attachedMails.size() == 1) {
			Warnings innerWarnings = new Warnings();
			ParsedMail inner = MimeReader.read(outer.attachedMails.get(0), context.limits(), innerWarnings);
			if (inner.hasHeader("From") || inner.hasHeader("Received")) {
				MailAnalysis.Sender forwarder = HeaderValues.sender(outer.header("From"), warnings);
				OffsetDateTime forwardedAt = HeaderValues.date(outer.header("Date"));
				forward = new MailAnalysis.Forward(forwarder == null ? null : forwarder.address(),
						forwarder == null ? null : forwarder.display(), HeaderValues.text(outer.header("Subject")),
						forwardedAt == null ? null : forwardedAt.toString());
				analysed = inner;
				innerWarnings.toList().forEach(warnings::add);
			}
		}
		return new Analysis(raw, analysed, forward, context, warnings).build();
	}

	private static void refuseNonMail(byte[] raw, AnalysisLimits limits) {
		if (raw == null || raw.length == 0 || isBlank(raw)) {
			throw new NotMailException(NotMailException.Kind.EMPTY, new Text("ファイルが空です。", "The file is empty."));
		}
		if (raw.length > limits.maxMailBytes()) {
			throw new NotMailException(NotMailException.Kind.TOO_LARGE,
					new Text("メールが大きすぎます (上限 " + limits.maxMailBytes() / (1024 * 1024) + " MB)。",
							"The mail is too large (limit " + limits.maxMailBytes() / (1024 * 1024) + " MB)."));
		}
		int headerEnd = Math.min(raw.length, 64 * 1024);
		for (int i = 0; i < headerEnd; i++) {
			if (raw[i] == 0) {
				throw notMail();
			}
		}
		if (FileKinds.isZip(raw) || FileKinds.isOle(raw) || FileKinds.startsWith(raw, '%', 'P', 'D', 'F')
				|| FileKinds.startsWith(raw, 0x89, 'P', 'N', 'G') || FileKinds.startsWith(raw, 0xFF, 0xD8, 0xFF)
				|| FileKinds.startsWith(raw, 'G', 'I', 'F', '8')) {
			throw notMail();
		}
	}

	private static boolean isBlank(byte[] raw) {
		for (byte b : raw) {
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return false;
			}
		}
		return true;
	}

	private static NotMailException notMail() {
		return new NotMailException(NotMailException.Kind.NOT_MAIL,
				new Text("メールではありません (バイナリファイルです)。.eml 形式のメールを添付してください。",
						"This is not a mail (binary data). Please attach the mail as an .eml file."));
	}

	/** One analysis in progress: the parsed mail, the context, and what is found. */
	private static final class Analysis {

		private final byte[] raw;

		private final ParsedMail mail;

		private final MailAnalysis.Forward forward;

		private final AnalysisContext context;

		private final Warnings warnings;

		private final Map<IndicatorCode, Text> indicators = new EnumMap<>(IndicatorCode.class);

		Analysis(byte[] raw, ParsedMail mail, MailAnalysis.Forward forward, AnalysisContext context,
				Warnings warnings) {
			this.raw = raw;
			this.mail = mail;
			this.forward = forward;
			this.context = context;
			this.warnings = warnings;
		}

		MailAnalysis build() {
			AnalysisContext.Us us = this.context.us();
			MailAnalysis.Sender from = HeaderValues.sender(this.mail.header("From"), this.warnings);
			if (from == null) {
				this.warnings.add("no From header");
			}
			MailAnalysis.Sender replyTo = HeaderValues.sender(this.mail.header("Reply-To"), this.warnings);
			String returnPath = HeaderValues.pathAddress(this.mail.header("Return-Path"));
			List<String> to = HeaderValues.addresses(this.mail.header("To"), this.warnings)
				.stream()
				.map(MailAnalysis.Sender::address)
				.filter(Objects::nonNull)
				.toList();
			if (this.mail.headers("Subject").size() > 1) {
				this.warnings.add("more than one Subject header: the first is shown");
			}
			String subject = HeaderValues.text(this.mail.header("Subject"));
			OffsetDateTime date = HeaderValues.date(this.mail.header("Date"));
			if (date == null && this.mail.header("Date") != null) {
				this.warnings.add("the Date header could not be read: " + this.mail.header("Date"));
			}
			String messageId = this.mail.header("Message-ID");
			ReceivedPath path = ReceivedPath.of(this.mail.headers("Received"), us.receivingServers());
			MailAnalysis.Authentication authentication = AuthenticationResults
				.of(this.mail.headers("Authentication-Results"), us.receivingServers());

			Body body = Body.of(this.mail, this.context.limits());
			List<String> urls = body.urls(this.context.limits(), this.warnings);
			AttachmentInspector inspector = new AttachmentInspector(this.context.limits(), this.warnings);
			List<MailAnalysis.Attachment> attachments = this.mail.attachments.stream().map(inspector::inspect).toList();

			SenderChecks senders = new SenderChecks(us, this.context.partners(), this.indicators);
			senders.displayName(from);
			senders.lookalikes(from, replyTo, returnPath);
			senders.envelope(from, replyTo, returnPath);
			attachmentIndicators(attachments);
			authenticationIndicators(authentication);
			BodyChecks.check(subject, body, attachments, urls, this.indicators);
			offHours(path.arrival() != null ? path.arrival() : date);

			List<MailAnalysis.Indicator> found = new ArrayList<>();
			this.indicators
				.forEach((code, reason) -> found.add(new MailAnalysis.Indicator(code, code.severity(), reason)));
			MailAnalysis.Verdict verdict = found.stream().anyMatch(indicator -> indicator.code().makesSuspicious())
					? MailAnalysis.Verdict.SUSPICIOUS : MailAnalysis.Verdict.NO_INDICATORS;
			List<String> bodyTexts = new ArrayList<>();
			bodyTexts.add(body.text());
			if (!this.mail.texts.isEmpty()) {
				bodyTexts.addAll(body.htmlTexts());
			}
			MailAnalysis.Triage triage = Triage.of(us, this.context.partners(), from, path, authentication, bodyTexts,
					this.indicators);
			return new MailAnalysis(AttachmentInspector.sha256(this.raw), this.raw.length, from,
					replyTo == null ? null : replyTo.address(), returnPath, to, subject,
					date == null ? null : date.toString(), messageId == null ? null : messageId.strip(),
					path.toAnalysis(), authentication, body.text(), urls, attachments, found, verdict, triage,
					this.forward, this.warnings.toList());
		}

		private void attachmentIndicators(List<MailAnalysis.Attachment> attachments) {
			Map<IndicatorCode, List<String>> names = new EnumMap<>(IndicatorCode.class);
			for (MailAnalysis.Attachment attachment : attachments) {
				for (IndicatorCode flag : attachment.flags()) {
					names.computeIfAbsent(flag, key -> new ArrayList<>()).add(attachment.filename());
				}
			}
			names.forEach(
					(code, files) -> this.indicators.put(code, Reasons.attachment(code, String.join(", ", files))));
		}

		private void authenticationIndicators(MailAnalysis.Authentication authentication) {
			if (!authentication.trusted()) {
				return;
			}
			String by = authentication.authservId();
			if ("fail".equals(authentication.dmarc())) {
				this.indicators
					.put(IndicatorCode.DMARC_FAIL, new Text(by + " での DMARC 検証が失敗しました。差出人ドメインの正規のサーバーから送られていません。",
							"DMARC failed at " + by + ": the mail was not sent by the sender domain's own servers."));
			}
			if ("fail".equals(authentication.spf()) || "softfail".equals(authentication.spf())) {
				this.indicators.put(IndicatorCode.SPF_FAIL,
						new Text(by + " での SPF 検証が " + authentication.spf() + " でした。送信元サーバーがそのドメインから許可されていません。",
								"SPF " + authentication.spf() + " at " + by
										+ ": the sending server is not allowed to send for that domain."));
			}
			if ("fail".equals(authentication.dkim())) {
				this.indicators.put(IndicatorCode.DKIM_FAIL, new Text(by + " での DKIM 署名の検証が失敗しました。途中で改ざんされたか、署名が偽物です。",
						"DKIM failed at " + by + ": the signature is forged or the mail was altered."));
			}
		}

		private void offHours(OffsetDateTime when) {
			AnalysisContext.Us us = this.context.us();
			if (when != null && !us.isWorkingTime(when.toZonedDateTime())) {
				String local = when.atZoneSameInstant(us.zone()).toLocalDateTime().toString().replace('T', ' ');
				this.indicators.put(IndicatorCode.OFF_HOURS,
						new Text("業務時間外 (" + us.workStart() + "–" + us.workEnd() + "、平日) に届いています: " + local,
								"Arrived outside working hours (" + us.workStart() + "–" + us.workEnd()
										+ " on weekdays): " + local));
			}
		}

	}

}
