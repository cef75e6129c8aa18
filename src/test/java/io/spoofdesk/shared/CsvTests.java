package io.spoofdesk.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Cells a spreadsheet would run as formulas are written as text. */
class CsvTests {

	@ParameterizedTest
	@ValueSource(strings = { "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "＝HYPERLINK(\"http://x\")", "＋1", "－1",
			"＠SUM(1)" })
	void aCellThatWouldStartAFormulaIsText(String value) {
		assertThat(Csv.cell(value)).startsWith("\"'").endsWith("\"");
	}

	@Test
	void ordinaryCellsStayAsTheyAre() {
		assertThat(Csv.cell("北村精機株式会社")).isEqualTo("北村精機株式会社");
		assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
	}

	@Test
	void quotedCellsMayHoldCommasQuotesAndLineBreaksAndBlankLinesAreSkipped() {
		assertThat(Csv.parse("name,notes\r\n\"北村, 精機\",\"一行目\n\"\"二行目\"\"\"\r\n\r\nb,\n")).containsExactly(
				java.util.List.of("name", "notes"), java.util.List.of("北村, 精機", "一行目\n\"二行目\""),
				java.util.List.of("b", ""));
	}

	@Test
	void aQuoteNeverClosedIsNotCsv() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> Csv.parse("name\n\"北村精機,x\n"));
	}

}
