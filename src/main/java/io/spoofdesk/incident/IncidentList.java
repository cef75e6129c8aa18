package io.spoofdesk.incident;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.postgresql.PGStatement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the incident list: filters, search and keyset paging in one indexed query. No
 * count over the whole table: the page asks for one row more than it shows to know
 * whether there is a next page.
 * <p>
 * A search is planned for its own words every time. Prepared as usual, the driver names
 * the statement on its fifth use and PostgreSQL may then switch to one generic plan for
 * any words: one that cannot know "見積" is rare walks the date index and filters every row
 * (seen at 1,000,000 incidents: 5.5 s instead of 3 ms, issue 18). So a search runs as an
 * unnamed statement (the driver's prepare threshold 0), which PostgreSQL plans with the
 * values it is given.
 */
@Component
class IncidentList {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	IncidentList(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	List<IncidentRow> find(IncidentFilter filter, ZoneId zone, int limit) {
		List<Object> params = new ArrayList<>();
		String sql = IncidentRelations.ROW + where(filter, zone, params, true) + " ORDER BY i.reported_at "
				+ (filter.oldestFirst() ? "ASC, i.id ASC" : "DESC, i.id DESC") + " LIMIT ?";
		params.add(limit);
		if (isSearch(filter)) {
			return this.template.query(plannedEachTime(sql, params), IncidentRelations::row);
		}
		return this.jdbc.sql(sql).params(params).query(IncidentRelations::row).list();
	}

	private static boolean isSearch(IncidentFilter filter) {
		return filter.q() != null && !filter.q().isBlank();
	}

	/** The statement as an unnamed one, which PostgreSQL plans for these values. */
	private static PreparedStatementCreator plannedEachTime(String sql, List<Object> params) {
		return connection -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.unwrap(PGStatement.class).setPrepareThreshold(0);
			for (int i = 0; i < params.size(); i++) {
				StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, params.get(i));
			}
			return statement;
		};
	}

	/** Streams every row matching the filters (no paging), for the CSV export. */
	void forEach(IncidentFilter filter, ZoneId zone, int max, Consumer<IncidentExportRow> consumer) {
		List<Object> params = new ArrayList<>();
		String sql = """
				SELECT i.reference, i.title, i.status, i.severity, i.assignee, p.name AS partner_name, i.channel,
				       i.reported_at, i.mail_received_at, array_to_string(i.impersonated_addresses, ' ') AS impersonated,
				       i.summary
				FROM incident i LEFT JOIN partner p ON p.id = i.partner_id"""
				+ where(filter, zone, params, false) + " ORDER BY i.reported_at DESC, i.id DESC LIMIT ?";
		params.add(max);
		RowMapper<IncidentExportRow> mapper = (rs, row) -> new IncidentExportRow(rs.getString("reference"),
				rs.getString("title"), rs.getString("status"), rs.getString("severity"), rs.getString("assignee"),
				rs.getString("partner_name"), rs.getString("channel"), rs.getTimestamp("reported_at").toInstant(),
				toInstant(rs.getTimestamp("mail_received_at")), rs.getString("impersonated"), rs.getString("summary"));
		if (isSearch(filter)) {
			this.template.query(plannedEachTime(sql, params),
					(RowCallbackHandler) rs -> consumer.accept(mapper.mapRow(rs, rs.getRow())));
			return;
		}
		this.jdbc.sql(sql).params(params).query(mapper).stream().forEach(consumer);
	}

	/** The WHERE clause of the filters, its parameters added to {@code params}. */
	private static String where(IncidentFilter filter, ZoneId zone, List<Object> params, boolean withCursor) {
		StringBuilder where = new StringBuilder(" WHERE TRUE");
		if (filter.status() != null) {
			where.append(" AND i.status = ?");
			params.add(filter.status().name());
		}
		if (filter.severity() != null) {
			where.append(" AND i.severity = ?");
			params.add(filter.severity().name());
		}
		if (filter.assignee() != null && !filter.assignee().isBlank()) {
			where.append(" AND i.assignee = ?");
			params.add(filter.assignee().trim());
		}
		if (filter.partnerId() != null) {
			where.append(" AND i.partner_id = ?");
			params.add(filter.partnerId());
		}
		if (filter.impersonated() != null && !filter.impersonated().isBlank()) {
			where.append(" AND i.impersonated_addresses @> ARRAY[?]::text[]");
			params.add(filter.impersonated().trim().toLowerCase(Locale.ROOT));
		}
		if (filter.from() != null) {
			where.append(" AND i.reported_at >= ?");
			params.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" AND i.reported_at < ?");
			params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			for (String term : SearchText.normalise(filter.q()).split("\\s+")) {
				if (term.codePointCount(0, term.length()) < MIN_TERM_LENGTH) {
					continue; // no two-character index entry: it would read every row
				}
				var grams = SearchText.gramsOf(term);
				if (!grams.isEmpty()) {
					where.append(" AND i.search_grams @> ?::text[]");
					params.add("{" + String.join(",", grams.stream().map(IncidentList::arrayElement).toList()) + "}");
				}
				where.append(" AND i.search_text LIKE ? ESCAPE '\\'");
				params.add("%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
		}
		if (withCursor && filter.after() != null && filter.after().matches("\\d{1,15}_\\d{1,18}")) {
			String[] parts = filter.after().split("_");
			where.append(filter.oldestFirst() ? " AND (i.reported_at, i.id) > (?, ?)"
					: " AND (i.reported_at, i.id) < (?, ?)");
			params.add(Timestamp.from(Instant.ofEpochMilli(Long.parseLong(parts[0]))));
			params.add(Long.parseLong(parts[1]));
		}
		return where.toString();
	}

	/** Shorter search terms are left out (and the page says so). */
	static final int MIN_TERM_LENGTH = 2;

	/** Whether a search has words too short to be searched for. */
	static boolean hasTooShortTerms(String q) {
		if (q == null || q.isBlank()) {
			return false;
		}
		for (String term : SearchText.normalise(q).split("\\s+")) {
			if (!term.isEmpty() && term.codePointCount(0, term.length()) < MIN_TERM_LENGTH) {
				return true;
			}
		}
		return false;
	}

	/** A quoted element of a PostgreSQL array literal. */
	private static String arrayElement(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static Instant toInstant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	record IncidentExportRow(String reference, String title, String status, String severity, String assignee,
			String partnerName, String channel, Instant reportedAt, Instant mailReceivedAt, String impersonated,
			String summary) {

	}

}
