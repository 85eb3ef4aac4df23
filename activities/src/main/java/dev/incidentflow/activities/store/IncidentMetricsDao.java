package dev.incidentflow.activities.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The analytics SQL over {@code incidents}, {@code timeline_events}, {@code postmortems} and {@code
 * action_items}.
 */
@RegisterRowMapper(MetricsGroupRowMapper.class)
interface IncidentMetricsDao {

  /**
   * @param teamServices with {@code teams}, pairwise, the catalog's service-to-team map
   * @param asOf the moment that decides whether a postmortem or action item is past due
   */
  @SqlQuery(IncidentMetricsSql.GROUPS)
  List<MetricsGroupRow> groups(
      @Bind("from") Instant from,
      @Bind("to") Instant to,
      @Bind("groupBy") String groupBy,
      @Bind("teamServices") String[] teamServices,
      @Bind("teams") String[] teams,
      @Bind("unknownServiceTeam") String unknownServiceTeam,
      @Bind("asOf") Instant asOf);

  /** Person handle to the number of pages sent to them in {@code [from, to)}. */
  @SqlQuery(IncidentMetricsSql.PAGES)
  @KeyColumn("person")
  @ValueColumn("pages")
  Map<String, Long> pages(@Bind("from") Instant from, @Bind("to") Instant to);
}
