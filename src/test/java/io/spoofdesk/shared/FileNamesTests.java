package io.spoofdesk.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

	@Test
	void onlyTheLastSegmentWithoutControlCharactersOrLeadingDotsIsKept() {
		assertThat(FileNames.safe("..\\..\\windows\\scan.log", "x")).isEqualTo("scan.log");
		assertThat(FileNames.safe("C:\\fakepath\\請求書.eml", "x")).isEqualTo("請求書.eml");
		assertThat(FileNames.safe("/etc/.passwd", "x")).isEqualTo("passwd");
		assertThat(FileNames.safe("a\r\nb\u202Egol.txt", "x")).as("CR/LF and the right-to-left override")
			.isEqualTo("abgol.txt");
		assertThat(FileNames.safe("n".repeat(300) + ".txt", "x")).hasSize(200).endsWith(".txt");
	}

	@Test
	void nothingLeftGivesTheFallback() {
		assertThat(FileNames.safe("", "evidence")).isEqualTo("evidence");
		assertThat(FileNames.safe(null, "evidence")).isEqualTo("evidence");
		assertThat(FileNames.safe("../..", "evidence")).isEqualTo("evidence");
	}

}
