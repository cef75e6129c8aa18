package io.spoofdesk.incident;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.spoofdesk.DevSpoofDeskApplication;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a SpoofDesk database with realistic partners and incidents (with notes and status
 * history over the last two years), for demos and the list benchmark:
 *
 * <pre>
 * ./mvnw spring-boot:test-run -Dspring-boot.run.arguments=generate,1000000
 * </pre>
 *
 * Uses {@code SPRING_DATASOURCE_URL} (and {@code _USERNAME}/{@code _PASSWORD}) when set,
 * otherwise the developer run's embedded PostgreSQL. Rows are written with COPY; the
 * search columns are computed by the same {@link SearchText} the application uses.
 */
public final class IncidentDataGenerator {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final String[] SUBJECTS = { "請求書送付のお知らせ", "見積書の件", "発注書をお送りします", "納品書の確認", "支払い方法の変更について", "会議資料の共有",
			"年末年始の休業のご案内", "Invoice overdue", "Payment confirmation", "賞与支払届", "新型ウイルスに関する注意喚起", "パスワード付き ZIP ファイル送付",
			"契約書の確認依頼", "Re: 打ち合わせの件" };

	private static final String[] SURNAMES = { "山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤" };

	private static final String[] COMPANY_WORDS = { "青葉", "みどり", "桜", "富士", "東和", "北斗", "大和", "日之出", "光", "旭" };

	private static final String[] COMPANY_KINDS = { "商事", "トレーディング", "精工", "物産", "製作所", "運輸", "電機", "工業" };

	private static final String[] NOTES = { "ヘッダーを確認。送信元は海外のサーバー。", "全社員に注意喚起のメールを送付済み。", "ウイルス対策ソフトを更新し、フルスキャンを実施。",
			"メールアカウントのパスワードを変更。", "取引先へ注意喚起のお知らせを送付。", "Checked the Received headers: not sent through our servers." };

	private static final String[] ASSIGNEES = { "helpdesk", "staff", "manager", "it-lead", null };

	private IncidentDataGenerator() {
	}

	/** Generates {@code count} incidents, then exits. */
	public static void generate(int count) throws Exception {
		if (System.getenv("SPRING_DATASOURCE_URL") == null) {
			DevSpoofDeskApplication.startEmbeddedDatabase();
		}
		String url = System.getProperty("spring.datasource.url", System.getenv("SPRING_DATASOURCE_URL"));
		String user = System.getProperty("spring.datasource.username", env("SPRING_DATASOURCE_USERNAME", "postgres"));
		String password = System.getProperty("spring.datasource.password", env("SPRING_DATASOURCE_PASSWORD", ""));
		Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
		long started = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setAutoCommit(false);
			List<Long> partners = partners(connection, Math.max(10, count / 1000), new SplittableRandom(7));
			summaryTriggers(connection, "DISABLE");
			incidents(connection, count, partners, new SplittableRandom(42));
			summaryTriggers(connection, "ENABLE");
			connection.commit();
			// ANALYZE in a transaction that is never committed keeps no statistics (only
			// last_analyze and the row count survive), and the planner then guesses badly
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute(
						"ANALYZE incident; ANALYZE incident_note; ANALYZE incident_status_change; ANALYZE partner");
			}
		}
		System.out.printf("Generated %,d incidents in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
		System.exit(0);
	}

	private static List<Long> partners(Connection connection, int count, SplittableRandom random) throws Exception {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO partner (name, updated_by) VALUES (?, 'generator') RETURNING id");
				PreparedStatement domain = connection
					.prepareStatement("INSERT INTO partner_domain (partner_id, domain) VALUES (?, ?)")) {
			for (int i = 0; i < count; i++) {
				String name = "株式会社" + pick(COMPANY_WORDS, random) + pick(COMPANY_KINDS, random) + " " + (i + 1);
				insert.setString(1, name);
				try (ResultSet rs = insert.executeQuery()) {
					rs.next();
					ids.add(rs.getLong(1));
				}
				domain.setLong(1, ids.get(i));
				domain.setString(2, "partner" + (i + 1) + ".example.jp");
				domain.addBatch();
			}
			domain.executeBatch();
		}
		return ids;
	}

	private static void incidents(Connection connection, int count, List<Long> partners, SplittableRandom random)
			throws Exception {
		long firstId;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM incident")) {
			rs.next();
			firstId = rs.getLong(1);
		}
		Map<Integer, Integer> numbers = counters(connection);
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long twoYears = ChronoUnit.SECONDS.between(now.minus(730, ChronoUnit.DAYS), now);
		int batch = 20_000;
		for (int start = 0; start < count; start += batch) {
			StringBuilder incidents = new StringBuilder();
			StringBuilder notes = new StringBuilder();
			StringBuilder changes = new StringBuilder();
			StringBuilder impersonations = new StringBuilder();
			for (int i = start; i < Math.min(count, start + batch); i++) {
				long id = firstId + i;
				Instant reported = now.minusSeconds(random.nextLong(twoYears));
				int year = reported.atZone(TOKYO).getYear();
				int number = numbers.merge(year, 1, Integer::sum);
				String reference = ReferenceNumbers.format(year, number);
				String sender = pick(SURNAMES, random);
				String title = pick(SUBJECTS, random) + "（" + sender + "を装ったメール）";
				String summary = "取引先から「" + pick(SUBJECTS, random) + "」という件名の不審なメールが届いたとの連絡。";
				String address = "user" + random.nextInt(60) + "@kitamura-seiki.co.jp";
				long partner = partners.get(random.nextInt(partners.size()));
				IncidentStatus status = IncidentStatus.values()[random.nextInt(IncidentStatus.values().length)];
				Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
				String assignee = pick(ASSIGNEES, random);
				String note = (random.nextInt(3) == 0) ? pick(NOTES, random) : null;
				SearchText text = (note != null) ? SearchText.of(reference, title, summary, address, note)
						: SearchText.of(reference, title, summary, address);
				incidents.append(id)
					.append('\t')
					.append(reference)
					.append('\t')
					.append(title)
					.append('\t')
					.append(partner)
					.append('\t')
					.append("PHONE")
					.append('\t')
					.append(reported)
					.append('\t')
					.append('{')
					.append(address)
					.append("}\t")
					.append(summary)
					.append('\t')
					.append(severity)
					.append('\t')
					.append(status)
					.append('\t')
					.append((assignee != null) ? assignee : "\\N")
					.append('\t')
					.append(reported)
					.append("\tgenerator\t")
					.append(reported)
					.append("\tgenerator\t")
					.append(text.text().replace("\n", "\\n"))
					.append('\t')
					.append(array(text.grams()))
					.append('\n');
				if (note != null) {
					notes.append(id)
						.append("\tstaff\t")
						.append(note)
						.append('\t')
						.append(reported.plusSeconds(3600))
						.append('\n');
				}
				changes.append(id).append("\t\\N\tNEW\tgenerator\t").append(reported).append('\n');
				impersonations.append(address).append('\t').append(reported).append('\t').append(id).append('\n');
				if (status != IncidentStatus.NEW) {
					changes.append(id)
						.append("\tNEW\t")
						.append(status)
						.append("\tgenerator\t")
						.append(reported.plusSeconds(7200))
						.append('\n');
				}
			}
			copy.copyIn("COPY incident (id, reference, title, partner_id, channel, reported_at, impersonated_addresses,"
					+ " summary, severity, status, assignee, created_at, created_by, updated_at, updated_by,"
					+ " search_text, search_grams) FROM STDIN", new StringReader(incidents.toString()));
			copy.copyIn("COPY incident_note (incident_id, author, body, created_at) FROM STDIN",
					new StringReader(notes.toString()));
			copy.copyIn("COPY incident_status_change (incident_id, from_status, to_status, changed_by, changed_at)"
					+ " FROM STDIN", new StringReader(changes.toString()));
			copy.copyIn("COPY incident_impersonation (address, reported_at, incident_id) FROM STDIN",
					new StringReader(impersonations.toString()));
			System.out.printf("  %,d / %,d%n", Math.min(count, start + batch), count);
		}
		try (PreparedStatement counter = connection.prepareStatement("""
				INSERT INTO incident_reference_counter (year, last_number) VALUES (?, ?)
				ON CONFLICT (year) DO UPDATE SET last_number = excluded.last_number""")) {
			for (Map.Entry<Integer, Integer> entry : numbers.entrySet()) {
				counter.setInt(1, entry.getKey());
				counter.setInt(2, entry.getValue());
				counter.addBatch();
			}
			counter.executeBatch();
		}
		try (Statement statement = connection.createStatement()) {
			statement
				.execute("SELECT setval(pg_get_serial_sequence('incident', 'id'), (SELECT max(id) FROM incident))");
		}
	}

	/**
	 * Switches the dashboard's summary triggers off for the bulk load (one transaction
	 * updating the same summary rows a million times grows without bound) and, when
	 * switching them on again, recomputes the summaries (V15
	 * {@code dashboard_summaries_rebuild}).
	 */
	private static void summaryTriggers(Connection connection, String action) throws Exception {
		try (Statement statement = connection.createStatement()) {
			for (String table : List.of("incident", "incident_status_change", "incident_impersonation")) {
				statement.execute("ALTER TABLE " + table + " " + action + " TRIGGER USER");
			}
			if (action.equals("ENABLE")) {
				statement.execute("SELECT dashboard_summaries_rebuild()");
			}
		}
	}

	private static Map<Integer, Integer> counters(Connection connection) throws Exception {
		Map<Integer, Integer> numbers = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT year, last_number FROM incident_reference_counter")) {
			while (rs.next()) {
				numbers.put(rs.getInt(1), rs.getInt(2));
			}
		}
		return numbers;
	}

	/** A PostgreSQL array literal for COPY text format. */
	private static String array(List<String> values) {
		StringBuilder out = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('"').append(values.get(i).replace("\\", "\\\\\\\\").replace("\"", "\\\\\"")).append('"');
		}
		return out.append('}').toString();
	}

	private static <T> T pick(T[] values, SplittableRandom random) {
		return values[random.nextInt(values.length)];
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
