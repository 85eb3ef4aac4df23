package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Where an incident stands in the list: what the list is ordered by. The page after it is what
 * sorts below it.
 *
 * @param rank the incident's text rank for the list's query; 0 without one
 */
record ListPosition(float rank, Instant triggeredAt, long number) {

  ListPosition {
    requireNonNull(triggeredAt, "triggeredAt is null");
  }

  /** Maps {@code rank, triggered_at, number}. Public because jdbi instantiates it reflectively. */
  public static final class Mapper implements RowMapper<ListPosition> {
    @Override
    public ListPosition map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new ListPosition(
          rs.getFloat("rank"),
          IncidentRecordMapper.instant(rs, "triggered_at"),
          rs.getLong("number"));
    }
  }
}
