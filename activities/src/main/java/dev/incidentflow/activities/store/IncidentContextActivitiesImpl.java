package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.ContextQuery;
import dev.incidentflow.workflows.activities.IncidentContext;
import dev.incidentflow.workflows.activities.IncidentContextActivities;
import java.time.Duration;

/**
 * The briefing's context from PostgreSQL. Database faults, and an incident not recorded yet,
 * surface as exceptions that Temporal retries.
 */
public final class IncidentContextActivitiesImpl implements IncidentContextActivities {

  private final IncidentLibrary library;
  private final Duration deployWindow;

  /**
   * @param deployWindow how long before an incident's start a deploy counts (the API's {@code
   *     deployWindow}, 2 hours by default)
   */
  public IncidentContextActivitiesImpl(IncidentLibrary library, Duration deployWindow) {
    this.library = requireNonNull(library, "library is null");
    this.deployWindow = requireNonNull(deployWindow, "deployWindow is null");
    if (deployWindow.isNegative()) {
      throw new IllegalArgumentException("deployWindow is negative: " + deployWindow);
    }
  }

  @Override
  public IncidentContext context(ContextQuery query) {
    requireNonNull(query, "query is null");
    return library.context(query.incidentNumber(), query.dependsOn(), deployWindow);
  }
}
