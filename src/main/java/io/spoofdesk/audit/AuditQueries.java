package io.spoofdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit log, newest first, with the page's filters and keyset paging. */
@Component
class AuditQueries {

	private final JdbcClient jdbc;

	AuditQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<AuditLine> search(AuditSearch search, ZoneId zone, int limit) {
		StringBuilder sql = new StringBuilder("""
				SELECT id, occurred_at, actor, action, target_type, target_id, field, old_value, new_value,
				       remote_address
				FROM audit_event WHERE TRUE""");
		List<Object> params = new ArrayList<>();
		addEquals(sql, params, "actor", search.actor());
		addEquals(sql, params, "action", search.action());
		addEquals(sql, params, "target_type", search.targetType());
		addEquals(sql, params, "target_id", search.targetId());
		if (search.from() != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(Timestamp.from(search.from().atStartOfDay(zone).toInstant()));
		}
		if (search.to() != null) {
			sql.append(" AND occurred_at < ?");
			params.add(Timestamp.from(search.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (search.before() != null) {
			sql.append(" AND id < ?");
			params.add(search.before());
		}
		sql.append(" ORDER BY id DESC LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query(AuditQueries::line).list();
	}

	List<AuditLine> historyOf(String targetType, String targetId) {
		return this.jdbc.sql("""
				SELECT id, occurred_at, actor, action, target_type, target_id, field, old_value, new_value,
				       remote_address
				FROM audit_event WHERE target_type = ? AND target_id = ? ORDER BY id""")
			.params(targetType, targetId)
			.query(AuditQueries::line)
			.list();
	}

	private static AuditLine line(ResultSet rs, int row) throws SQLException {
		return new AuditLine(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("field"),
				rs.getString("old_value"), rs.getString("new_value"), rs.getString("remote_address"));
	}

	private static void addEquals(StringBuilder sql, List<Object> params, String column, String value) {
		if (value != null && !value.isBlank()) {
			sql.append(" AND ").append(column).append(" = ?");
			params.add(value.trim());
		}
	}

}
