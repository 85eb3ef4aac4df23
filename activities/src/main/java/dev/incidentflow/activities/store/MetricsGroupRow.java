package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

/**
 * A row of {@link IncidentMetricsSql#GROUPS}. Public only because jdbi maps to it reflectively.
 *
 * @param overall true for the row over all incidents, whose key is null like that of a group of
 *     incidents without a key
 */
public record MetricsGroupRow(boolean overall, MetricsGroup group) {

  public MetricsGroupRow {
    requireNonNull(group, "group is null");
  }
}
