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
 */
public record MetricsQuery(
    Instant from,
    Instant to,
    MetricsGroupBy groupBy,
    Map<String, String> teamsByService,
    String unknownServiceTeam) {

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
  }

  /** A query that never groups by team. */
  public static MetricsQuery of(Instant from, Instant to, MetricsGroupBy groupBy) {
    return new MetricsQuery(from, to, groupBy, Map.of(), null);
  }
}
