package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.Deploy;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row of {@code deploys}. Public only because jdbi instantiates registered mappers
 * reflectively.
 */
public final class DeployMapper implements RowMapper<Deploy> {

  @Override
  public Deploy map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Deploy(
        rs.getLong("id"),
        rs.getString("service"),
        rs.getString("version"),
        rs.getString("commit_ref"),
        rs.getString("url"),
        IncidentRecordMapper.instant(rs, "deployed_at"),
        rs.getString("author"));
  }
}
