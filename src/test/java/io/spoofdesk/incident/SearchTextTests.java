package io.spoofdesk.incident;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

	@Test
	void everyWordOfTwoOrMoreCharactersHasItsBigramsInTheText() {
		SearchText text = SearchText.of("請求書の送付について", "見積書を添付します");

		assertThat(text.grams()).containsAll(SearchText.gramsOf("請求")).containsAll(SearchText.gramsOf("見積書"));
		assertThat(text.grams()).doesNotContainAnyElementsOf(SearchText.gramsOf("発注"));
	}

	@Test
	void widthAndCaseDoNotMatter() {
		assertThat(SearchText.normalise("ＩＮＶＯＩＣＥ ｾｷｭﾘﾃｨ")).isEqualTo("invoice セキュリティ");
	}

	@Test
	void gramsNeverSpanWhiteSpace() {
		assertThat(SearchText.gramsOf("ab cd")).containsExactly("ab", "cd");
	}

}
