package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.Deploy;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.IncidentTimeline;
import dev.incidentflow.workflows.activities.TimelineActivities;
import dev.incidentflow.workflows.activities.TimelineAppend;
import dev.incidentflow.workflows.activities.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Appends events to an incident's timeline from the postmortem and action item workflows, and reads
 * it back for the postmortem. Database faults surface as exceptions that Temporal retries.
 */
public final class TimelineActivitiesImpl implements TimelineActivities {

  private final Jdbi jdbi;
  private final IncidentLibrary library;
  private final Function<String, List<String>> dependsOn;
  private final Duration deployWindow;

  /**
   * @param jdbi over a migrated database with {@code SqlObjectPlugin} (see {@link IncidentJdbi})
   * @param dependsOn a service's {@code dependsOn} in the catalog, as the briefing reads it
   * @param deployWindow how long before an incident's start a deploy counts (the API's {@code
   *     deployWindow}, as for the briefing)
   */
  public TimelineActivitiesImpl(
      Jdbi jdbi, Function<String, List<String>> dependsOn, Duration deployWindow) {
    this.jdbi = requireNonNull(jdbi, "jdbi is null");
    this.library = new IncidentLibrary(jdbi);
    this.dependsOn = requireNonNull(dependsOn, "dependsOn is null");
    this.deployWindow = requireNonNull(deployWindow, "deployWindow is null");
  }

  /**
   * Appends under a lock on the incident's row, all entries or none. An incident that does not
   * exist is retried, not failed for good, like {@code saveIncident}: only a lost database loses
   * it, and an operator restoring it lets the workflow carry on.
   */
  @Override
  public void appendTimelineEvents(TimelineAppend append) {
    requireNonNull(append, "append is null");
    jdbi.useTransaction(
        handle -> {
          TimelineAppendDao dao = handle.attach(TimelineAppendDao.class);
          if (dao.lockIncident(append.incidentNumber()).isEmpty()) {
            throw new IllegalStateException(
                "no incident INC-" + append.incidentNumber() + " to add events to");
          }
          for (TimelineEntry entry : append.entries()) {
            dao.append(append.incidentNumber(), TimelineAppendRow.of(entry));
          }
        });
  }

  @Override
  public IncidentTimeline readTimeline(IncidentNumber incident) {
    requireNonNull(incident, "incident is null");
    List<Deploy> deploys =
        library
            .find(incident.number())
            .map(
                found ->
                    library.deploysBefore(found, dependsOn.apply(found.service()), deployWindow))
            .orElse(List.of());
    return new IncidentTimeline(
        incident.number(),
        jdbi.withExtension(IncidentDao.class, dao -> dao.timeline(incident.number())),
        deploys);
  }
}
