package io.spoofdesk.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a report template to PDF with openhtmltopdf. The page's own template is used,
 * with {@code pdf} set: the stylesheet is inlined and links to the app are left out. The
 * IPA Gothic font shipped in {@code fonts/} (IPA Font License, see the text beside it) is
 * embedded as a subset, so Japanese reads the same on any machine.
 */
@Component
class PdfReports {

	static final String FONT_FAMILY = "IPAGothic";

	private static final ClassPathResource FONT = new ClassPathResource("fonts/ipag.ttf");

	private final ITemplateEngine templates;

	private final String stylesheet;

	/** Lets the template call beans as pages do ({@code @people.name(…)}). */
	private final ThymeleafEvaluationContext beans;

	PdfReports(ITemplateEngine templates, ApplicationContext application) {
		this.templates = templates;
		this.beans = new ThymeleafEvaluationContext(application, null);
		this.stylesheet = read(new ClassPathResource("static/css/report.css"));
	}

	byte[] render(String template, Map<String, Object> variables, Locale locale) {
		Context context = new Context(locale, variables);
		context.setVariable("pdf", true);
		context.setVariable("stylesheet", this.stylesheet);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, this.beans);
		String html = this.templates.process(template, context);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(PdfReports::font, FONT_FAMILY);
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
			builder.toStream(pdf);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pdf.toByteArray();
	}

	private static InputStream font() {
		try {
			return FONT.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(ClassPathResource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
