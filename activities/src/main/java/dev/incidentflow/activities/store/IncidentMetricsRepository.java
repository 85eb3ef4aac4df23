package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/** MTTA, MTTR, their phases, the incident rates and the pager load, computed by PostgreSQL. */
public final class IncidentMetricsRepository {

  private final IncidentMetricsDao dao;

  /**
   * @param jdbi over a migrated database (see {@link Migrations}), with {@code SqlObjectPlugin}
   *     installed (see {@link IncidentJdbi})
   */
  public IncidentMetricsRepository(Jdbi jdbi) {
    requireNonNull(jdbi, "jdbi is null");
    this.dao = jdbi.onDemand(IncidentMetricsDao.class);
  }

  /**
   * The figures per group and overall, and the pager load; two queries, whatever the number of
   * incidents.
   */
  public IncidentMetrics metrics(MetricsQuery query) {
    requireNonNull(query, "query is null");
    List<String> services = new ArrayList<>();
    List<String> teams = new ArrayList<>();
    for (Map.Entry<String, String> entry : query.teamsByService().entrySet()) {
      services.add(entry.getKey());
      teams.add(entry.getValue());
    }
    List<MetricsGroupRow> rows =
        dao.groups(
            query.from(),
            query.to(),
            query.groupBy().wireName(),
            services.toArray(String[]::new),
            teams.toArray(String[]::new),
            query.unknownServiceTeam(),
            query.asOf());
    List<MetricsGroup> groups = new ArrayList<>();
    MetricsGroup overall = MetricsGroup.empty();
    for (MetricsGroupRow row : rows) {
      if (row.overall()) {
        overall = row.group();
      } else {
        groups.add(row.group());
      }
    }
    return new IncidentMetrics(
        query.from(), query.to(), query.groupBy(), groups, overall, pagerLoad(query));
  }

  /** Everyone paged in the range or on call in it, by handle. */
  private List<PagerLoad> pagerLoad(MetricsQuery query) {
    Map<String, Long> pages = dao.pages(query.from(), query.to());
    SortedSet<String> people = new TreeSet<>(pages.keySet());
    people.addAll(query.onCallWeeks().keySet());
    List<PagerLoad> load = new ArrayList<>();
    for (String person : people) {
      load.add(
          PagerLoad.of(
              person,
              pages.getOrDefault(person, 0L),
              query.onCallWeeks().getOrDefault(person, 0.0)));
    }
    return load;
  }
}
