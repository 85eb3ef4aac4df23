package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.PostmortemStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a row of {@code postmortems}. Public only because jdbi instantiates it reflectively. */
public final class PostmortemRecordMapper implements RowMapper<PostmortemRecord> {

  @Override
  public PostmortemRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PostmortemRecord(
        rs.getLong("incident_number"),
        rs.getString("workflow_id"),
        PostmortemStatus.fromWire(rs.getString("status")),
        IncidentRecordMapper.instant(rs, "due_at"),
        rs.getString("jira_key"),
        rs.getString("jira_url"),
        rs.getString("published_url"),
        rs.getString("summary"),
        rs.getString("published_by"),
        IncidentRecordMapper.instant(rs, "published_at"),
        rs.getString("owner"));
  }
}
