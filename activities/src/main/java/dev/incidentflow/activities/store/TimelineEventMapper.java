package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row of {@code timeline_events} to a {@link TimelineEvent}. Public only because jdbi
 * instantiates registered mappers reflectively.
 */
public final class TimelineEventMapper implements RowMapper<TimelineEvent> {

  @Override
  public TimelineEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new TimelineEvent(
        rs.getInt("sequence"),
        IncidentRecordMapper.instant(rs, "at"),
        TimelineEventType.fromWire(rs.getString("type")),
        rs.getString("by_whom"),
        rs.getString("text"),
        JsonColumns.read(rs.getString("data")));
  }
}
