package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row of {@code incidents} to an {@link IncidentRecord}. Public only because jdbi
 * instantiates registered mappers reflectively.
 */
public final class IncidentRecordMapper implements RowMapper<IncidentRecord> {

  /** The columns this mapper reads, for the select list of every query that uses it. */
  static final String COLUMNS =
      """
      number, workflow_id, first_run_id, title, description, severity, service, status, source,
      dedup_key, declared_by, commander, roles, channel_id, channel_name, escalation_level,
      next_update_due, triggered_at, acknowledged_at, identified_at, mitigated_at, resolved_at,
      closed_at, canceled_at
      """;

  @Override
  public IncidentRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    long number = rs.getLong("number");
    return new IncidentRecord(
        IncidentRecord.idOf(number),
        number,
        rs.getString("workflow_id"),
        rs.getString("first_run_id"),
        rs.getString("title"),
        rs.getString("description"),
        Severity.valueOf(rs.getString("severity")),
        rs.getString("service"),
        IncidentStatus.fromWire(rs.getString("status")),
        rs.getString("source"),
        rs.getString("dedup_key"),
        rs.getString("declared_by"),
        rs.getString("commander"),
        JsonColumns.read(rs.getString("roles")),
        rs.getString("channel_id"),
        rs.getString("channel_name"),
        rs.getInt("escalation_level"),
        instant(rs, "next_update_due"),
        instant(rs, "triggered_at"),
        instant(rs, "acknowledged_at"),
        instant(rs, "identified_at"),
        instant(rs, "mitigated_at"),
        instant(rs, "resolved_at"),
        instant(rs, "closed_at"),
        instant(rs, "canceled_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
