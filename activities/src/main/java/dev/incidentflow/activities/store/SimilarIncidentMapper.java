package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.SimilarIncident;
import dev.incidentflow.workflows.model.IncidentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row of {@link IncidentLibrarySql#SIMILAR}. Public only because jdbi instantiates
 * registered mappers reflectively.
 */
public final class SimilarIncidentMapper implements RowMapper<SimilarIncident> {

  @Override
  public SimilarIncident map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new SimilarIncident(
        IncidentRecord.idOf(rs.getLong("number")),
        rs.getString("title"),
        IncidentStatus.fromWire(rs.getString("status")),
        IncidentRecordMapper.instant(rs, "resolved_at"));
  }
}
