package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The MTTA/MTTR report over the incidents triggered in {@code [from, to)}.
 *
 * @param groups one per distinct key, ordered by key with the null key last; empty when no incident
 *     was triggered in the range
 * @param overall the same figures over every incident in the range
 * @param pagerLoad one per person paged in the range or on call in it, by handle; not grouped, and
 *     counting the pages sent in the range rather than those of the incidents triggered in it
 */
public record IncidentMetrics(
    Instant from,
    Instant to,
    MetricsGroupBy groupBy,
    List<MetricsGroup> groups,
    MetricsGroup overall,
    List<PagerLoad> pagerLoad) {

  public IncidentMetrics {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    requireNonNull(groupBy, "groupBy is null");
    groups = List.copyOf(groups);
    requireNonNull(overall, "overall is null");
    pagerLoad = List.copyOf(pagerLoad);
  }
}
