package dev.incidentflow.activities.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row of {@link IncidentMetricsSql#GROUPS}. Public only because jdbi instantiates registered
 * mappers reflectively.
 */
public final class MetricsGroupRowMapper implements RowMapper<MetricsGroupRow> {

  @Override
  public MetricsGroupRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    long incidents = rs.getLong("incidents");
    DurationFigure mtta = duration(rs, "mtta");
    MetricsGroup group =
        new MetricsGroup(
            rs.getString("group_key"),
            incidents,
            mtta,
            duration(rs, "mttr"),
            mtta,
            duration(rs, "triage"),
            duration(rs, "remediation"),
            duration(rs, "verification"),
            RateFigure.of(rs.getLong("canceled"), incidents),
            RateFigure.of(rs.getLong("reopened"), incidents),
            RateFigure.of(rs.getLong("escalated"), incidents),
            RateFigure.of(rs.getLong("repeated"), incidents),
            RateFigure.of(rs.getLong("postmortems_on_time"), rs.getLong("postmortems_due")),
            RateFigure.of(rs.getLong("action_items_on_time"), rs.getLong("action_items_due")));
    return new MetricsGroupRow(rs.getBoolean("overall"), group);
  }

  private static DurationFigure duration(ResultSet rs, String prefix) throws SQLException {
    long n = rs.getLong(prefix + "_n");
    if (n == 0) {
      return DurationFigure.none();
    }
    return new DurationFigure(
        n,
        toMillisecond(rs.getDouble(prefix + "_mean")),
        toMillisecond(rs.getDouble(prefix + "_median")),
        toMillisecond(rs.getDouble(prefix + "_p95")));
  }

  /**
   * Seconds rounded to the millisecond: the mean and the interpolated percentiles of durations in
   * seconds carry binary noise ({@code 30.982999999999997}) and sub-millisecond interpolation that
   * nobody reads.
   */
  static double toMillisecond(double seconds) {
    return Math.round(seconds * 1000.0) / 1000.0;
  }
}
