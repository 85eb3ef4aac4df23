package dev.incidentflow.activities.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The analytics SQL over {@code incidents} and {@code timeline_events}. */
@RegisterRowMapper(MetricsGroupRowMapper.class)
interface IncidentMetricsDao {

  /**
   * @param teamServices with {@code teams}, pairwise, the catalog's service-to-team map
   */
  @SqlQuery(IncidentMetricsSql.GROUPS)
  List<MetricsGroupRow> groups(
      @Bind("from") Instant from,
      @Bind("to") Instant to,
      @Bind("groupBy") String groupBy,
      @Bind("teamServices") String[] teamServices,
      @Bind("teams") String[] teams,
      @Bind("unknownServiceTeam") String unknownServiceTeam);
}
