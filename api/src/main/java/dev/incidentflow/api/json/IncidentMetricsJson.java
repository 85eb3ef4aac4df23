package dev.incidentflow.api.json;

import dev.incidentflow.activities.store.IncidentMetrics;
import java.time.Instant;
import java.util.List;

/** {@code GET /v1/metrics/incidents}: incidents triggered in {@code [from, to)}, per group and overall. */
public record IncidentMetricsJson(
    Instant from, Instant to, String groupBy, List<MetricsGroupJson> groups, MetricsGroupJson overall) {

  public IncidentMetricsJson {
    groups = List.copyOf(groups);
  }

  public static IncidentMetricsJson of(IncidentMetrics metrics) {
    return new IncidentMetricsJson(metrics.from(), metrics.to(), metrics.groupBy().wireName(),
        metrics.groups().stream().map(MetricsGroupJson::of).toList(), MetricsGroupJson.of(metrics.overall()));
  }
}
