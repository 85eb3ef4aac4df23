package dev.incidentflow.api.json;

import dev.incidentflow.activities.store.IncidentMetrics;
import dev.incidentflow.activities.store.PagerLoad;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/metrics/incidents}: incidents triggered in {@code [from, to)}, per group and
 * overall, and {@code pagerLoad}, one entry per person paged or primary on call in the range (by
 * handle; not grouped; JSON only, the CSV is one row per group).
 */
public record IncidentMetricsJson(
    Instant from,
    Instant to,
    String groupBy,
    List<MetricsGroupJson> groups,
    MetricsGroupJson overall,
    List<PagerLoad> pagerLoad) {

  public IncidentMetricsJson {
    groups = List.copyOf(groups);
    pagerLoad = List.copyOf(pagerLoad);
  }

  public static IncidentMetricsJson of(IncidentMetrics metrics) {
    return new IncidentMetricsJson(
        metrics.from(),
        metrics.to(),
        metrics.groupBy().wireName(),
        metrics.groups().stream().map(MetricsGroupJson::of).toList(),
        MetricsGroupJson.of(metrics.overall()),
        metrics.pagerLoad());
  }
}
