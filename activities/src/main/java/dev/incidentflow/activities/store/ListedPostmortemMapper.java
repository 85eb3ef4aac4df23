package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row of {@link PostmortemDao#list}. Public only because jdbi instantiates it reflectively.
 */
public final class ListedPostmortemMapper implements RowMapper<ListedPostmortem> {

  @Override
  public ListedPostmortem map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ListedPostmortem(
        rs.getLong("incident_number"),
        rs.getString("title"),
        Severity.valueOf(rs.getString("severity")),
        rs.getString("service"),
        PostmortemStatus.fromWire(rs.getString("judged_status")),
        IncidentRecordMapper.instant(rs, "due_at"),
        rs.getString("owner"),
        IncidentRecordMapper.instant(rs, "published_at"),
        rs.getString("published_by"),
        rs.getString("published_url"),
        rs.getString("summary"),
        rs.getString("jira_key"),
        rs.getString("jira_url"),
        rs.getInt("open_items"),
        rs.getInt("overdue_items"),
        rs.getInt("done_items"));
  }
}
