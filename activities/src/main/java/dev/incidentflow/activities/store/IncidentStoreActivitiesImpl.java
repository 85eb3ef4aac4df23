package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.activities.IncidentStoreActivities;
import dev.incidentflow.workflows.activities.NewIncident;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident record in PostgreSQL. Database faults surface as exceptions that Temporal retries.
 */
public final class IncidentStoreActivitiesImpl implements IncidentStoreActivities {
  private static final Logger log = LoggerFactory.getLogger(IncidentStoreActivitiesImpl.class);

  private final Jdbi jdbi;

  /**
   * @param jdbi over a migrated database (see {@link Migrations}), as {@link IncidentJdbi} makes it
   */
  public IncidentStoreActivitiesImpl(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi is null");
  }

  /**
   * Finds the row of a previous attempt first, so that a plain retry does not even draw from the
   * sequence. Racing attempts meet at the unique key: the losers insert nothing and read the
   * winner's number (a number drawn by a loser is skipped, which leaves a gap and nothing worse).
   */
  @Override
  public IncidentNumber recordIncident(NewIncident incident) {
    requireNonNull(incident, "incident is null");
    long number =
        jdbi.withHandle(
                handle ->
                    IncidentStateStatements.findNumber(
                            handle, incident.workflowId(), incident.firstRunId())
                        .or(() -> IncidentStateStatements.insertIfAbsent(handle, incident))
                        .or(
                            () ->
                                IncidentStateStatements.findNumber(
                                    handle, incident.workflowId(), incident.firstRunId())))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "incident of workflow "
                            + incident.workflowId()
                            + " run "
                            + incident.firstRunId()
                            + " was neither inserted nor found"));
    return new IncidentNumber(number);
  }

  /** Overwrites the row and appends the events in one transaction: all of it is stored or none. */
  @Override
  public void saveIncident(IncidentSnapshot snapshot) {
    requireNonNull(snapshot, "snapshot is null");
    IncidentStateRow state = IncidentStateRow.of(snapshot);
    List<TimelineEventRow> events =
        snapshot.newEvents().stream().map(TimelineEventRow::of).toList();
    jdbi.useTransaction(
        handle -> {
          if (IncidentStateStatements.updateState(handle, state) == 0) {
            if (IncidentStateStatements.exists(handle, snapshot.number(), snapshot.workflowId())) {
              // The row holds a newer revision: this save landed late (or the workflow was reset
              // to an earlier point), its state is out of date; its events are still appended.
              log.info(
                  "Not saving the state of {} at revision {}: the stored one is newer",
                  IncidentRecord.idOf(snapshot.number()),
                  snapshot.revision());
            } else {
              // Retried, not failed for good: the row can only be missing if the database lost
              // it, and an operator restoring it lets the workflow carry on.
              throw new IllegalStateException(
                  "no incident "
                      + IncidentRecord.idOf(snapshot.number())
                      + " of workflow "
                      + snapshot.workflowId()
                      + " to save");
            }
          }
          if (!events.isEmpty()) {
            IncidentStateStatements.insertEvents(handle, snapshot.number(), events);
          }
        });
  }
}
