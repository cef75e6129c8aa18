package io.spoofdesk.mailanalysis;

import java.util.Random;

import org.jsoup.internal.StringUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTML body's text collapses white space exactly as jsoup's own text does (the
 * analysis' indicators read that text), only faster.
 */
class HtmlBodyTextTests {

	/**
	 * White space of every kind jsoup knows, invisible characters, and some that are
	 * neither.
	 */
	private static final String[] PIECES = { " ", "\t", "\n", "\f", "\r", "\u00a0", "\u200b", "\u00ad", "a", "Z", "請求書",
			"\u3000", "\u000b", "\ud83d\ude00", "https://aoba-shoji.example/x", "." };

	@Test
	void whiteSpaceCollapsesAsJsoupCollapsesIt() {
		Random random = new Random(42);
		for (int round = 0; round < 5_000; round++) {
			StringBuilder text = new StringBuilder();
			int pieces = random.nextInt(12);
			for (int i = 0; i < pieces; i++) {
				text.append(PIECES[random.nextInt(PIECES.length)]);
			}
			String before = (round % 2 == 0) ? "" : "already there ";

			StringBuilder ours = new StringBuilder(before);
			HtmlBody.appendCollapsed(ours, text.toString());
			StringBuilder jsoups = new StringBuilder(before);
			StringUtil.appendNormalisedWhitespace(jsoups, text.toString(), false);

			assertThat(ours.toString()).as("%s", text.toString().codePoints().toArray()).isEqualTo(jsoups.toString());
		}
	}

	@Test
	void aParagraphReadsAsOneLineOfSingleSpaces() {
		assertThat(HtmlBody.read("<p>御社 \n\t 請求書\u00a0\u00a0を\u200bご確認   ください</p>").text())
			.isEqualTo("御社 請求書 をご確認 ください");
	}

}
