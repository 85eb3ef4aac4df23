package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link IncidentMetricsRepository#metrics} computes: the incidents triggered in {@code [from,
 * to)}, grouped.
 *
 * @param teamsByService service name to its team (a null team for a catalog service that names
 *     none); only read when grouping by team
 * @param unknownServiceTeam the team of services missing from {@code teamsByService}, or null
 * @param asOf the moment that decides whether a postmortem or an action item is past due (now, for
 *     the API)
 * @param onCallWeeks person handle to the weeks of {@code [from, to)} they were on call (see {@link
 *     PagerLoad#onCallWeeks()}); people missing were not on call
 */
public record MetricsQuery(
    Instant from,
    Instant to,
    MetricsGroupBy groupBy,
    Map<String, String> teamsByService,
    String unknownServiceTeam,
    Instant asOf,
    Map<String, Double> onCallWeeks) {

  public MetricsQuery {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    requireNonNull(groupBy, "groupBy is null");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " is not before to " + to);
    }
    requireNonNull(teamsByService, "teamsByService is null");
    // Map.copyOf refuses null values, and a service without a team is a legitimate entry.
    Map<String, String> copy = new LinkedHashMap<>();
    teamsByService.forEach(
        (service, team) -> copy.put(requireNonNull(service, "a service name is null"), team));
    teamsByService = Collections.unmodifiableMap(copy);
    requireNonNull(asOf, "asOf is null");
    onCallWeeks = Map.copyOf(requireNonNull(onCallWeeks, "onCallWeeks is null"));
  }

  /**
   * A query that never groups by team, judges due dates as of the end of the range and knows of
   * nobody on call.
   */
  public static MetricsQuery of(Instant from, Instant to, MetricsGroupBy groupBy) {
    return new MetricsQuery(from, to, groupBy, Map.of(), null, to, Map.of());
  }
}
