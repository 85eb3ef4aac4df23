package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a row of {@code action_items}. Public only because jdbi instantiates it reflectively. */
public final class ActionItemRowMapper implements RowMapper<ActionItemRow> {

  @Override
  public ActionItemRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ActionItemRow(
        rs.getLong("number"),
        rs.getString("workflow_id"),
        rs.getLong("incident_number"),
        rs.getString("title"),
        rs.getString("owner"),
        rs.getObject("due", LocalDate.class),
        ActionItemKind.fromWire(rs.getString("kind")),
        ActionItemStatus.fromWire(rs.getString("status")),
        rs.getString("jira_key"),
        rs.getString("jira_url"),
        rs.getInt("round"),
        rs.getString("created_by"),
        IncidentRecordMapper.instant(rs, "created_at"),
        IncidentRecordMapper.instant(rs, "done_at"),
        rs.getString("done_by"));
  }
}
