package io.spoofdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two UI languages carry the same keys, and the Japanese words keep one meaning each:
 * 担当者 is the partner's contact person only (our users who own a step are 対応者, the role is
 * スタッフ), and severity is always 重大度.
 */
class MessagesTests {

	@Test
	void japaneseAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(new TreeSet<>(load("messages_ja.properties").stringPropertyNames()))
			.isEqualTo(new TreeSet<>(load("messages_en.properties").stringPropertyNames()));
	}

	@Test
	void tantoshaOnlyMeansThePartnersContactPerson() throws IOException {
		Properties japanese = load("messages_ja.properties");
		for (String key : japanese.stringPropertyNames()) {
			String text = japanese.getProperty(key);
			if (text.contains("担当者")) {
				assertThat(key).as("%s=%s", key, text)
					.matches("(partner|field)\\.(contacts.*|search\\.placeholder|merge\\.help)|incident\\.contact.*"
							+ "|warning\\.(includeReporter|value\\.noContactName)");
			}
		}
		assertThat(japanese.getProperty("role.STAFF")).isEqualTo("スタッフ");
		assertThat(japanese.getProperty("incident.assignee")).isEqualTo("対応者");
		assertThat(japanese.getProperty("checklist.step.assignee")).isEqualTo("対応者");
	}

	@Test
	void japaneseTextNamesNoRawStatusOrSeverityCodes() throws IOException {
		Properties japanese = load("messages_ja.properties");
		for (String key : japanese.stringPropertyNames()) {
			assertThat(japanese.getProperty(key)).as(key)
				.doesNotContainPattern(
						"(?<![A-Za-z_])(NEW|TRIAGED|CONTAINED|RECOVERED|CLOSED|FALSE_POSITIVE|TODO|IN_PROGRESS"
								+ "|DONE|SKIPPED|BLOCKED|SUSPICIOUS|SPOOFED|HIGH|MEDIUM|LOW|CRITICAL)(?![A-Za-z_])");
		}
	}

	@Test
	void severityIsAlwaysJudaido() throws IOException {
		Properties japanese = load("messages_ja.properties");
		assertThat(japanese.values()).noneMatch(text -> text.toString().contains("重要度"));
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
