package dev.incidentflow.api;

import dev.incidentflow.activities.store.IncidentJdbi;
import dev.incidentflow.activities.store.IncidentStoreActivitiesImpl;
import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Incidents from the past with known timestamps, written into the test stack's PostgreSQL through
 * the store activities, as a workflow would have written them.
 */
public final class PastIncidents {
  private final IncidentStoreActivitiesImpl store;
  private final Jdbi jdbi;

  /**
   * Incidents in {@code database}, the one the test's application uses (see {@link
   * TestStack#app(String, String)}).
   */
  public PastIncidents(TestStack stack, String database) {
    stack.jdbcUrl(database);
    this.jdbi = IncidentJdbi.create(stack.postgres.getDatabase("postgres", database));
    this.store = new IncidentStoreActivitiesImpl(jdbi);
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Stores an incident whose status is the latest of {@code times} (by lifecycle order) and returns
   * its id. {@code workflowId} must be unique to the test.
   */
  public String store(
      String workflowId,
      String title,
      String description,
      Severity severity,
      String service,
      String dedupKey,
      Map<IncidentStatus, Instant> times,
      List<TimelineEvent> events) {
    Instant triggeredAt = times.get(IncidentStatus.TRIGGERED);
    long number =
        store
            .recordIncident(
                new NewIncident(
                    workflowId,
                    workflowId + "-run",
                    title,
                    description,
                    severity,
                    service,
                    dedupKey == null ? "declared" : "generic",
                    dedupKey,
                    dedupKey == null ? "alice" : null,
                    triggeredAt))
            .number();
    IncidentStatus status = times.keySet().stream().max(Enum::compareTo).orElseThrow();
    store.saveIncident(
        new IncidentSnapshot(
            number,
            workflowId,
            title,
            severity,
            service,
            status,
            null,
            Map.of(),
            null,
            null,
            0,
            null,
            times,
            events));
    return "INC-" + number;
  }
}
