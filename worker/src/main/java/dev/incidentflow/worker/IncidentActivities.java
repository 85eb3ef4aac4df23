package dev.incidentflow.worker;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.DirectoryActivities;
import dev.incidentflow.workflows.activities.IncidentContextActivities;
import dev.incidentflow.workflows.activities.IncidentStoreActivities;
import dev.incidentflow.workflows.activities.PagingActivities;
import dev.incidentflow.workflows.activities.PostmortemStoreActivities;
import dev.incidentflow.workflows.activities.SlackChatActivities;
import dev.incidentflow.workflows.activities.TimelineActivities;
import dev.incidentflow.workflows.activities.TrackerActivities;
import dev.incidentflow.workflows.incident.OpeningActivitiesImpl;

/** The activity implementations a worker serves, chosen by whoever builds it (live or logging). */
public record IncidentActivities(
    IncidentStoreActivities store,
    DirectoryActivities directory,
    SlackChatActivities slack,
    PagingActivities paging,
    IncidentContextActivities context,
    TrackerActivities tracker,
    TimelineActivities timeline,
    PostmortemStoreActivities postmortems) {

  public IncidentActivities {
    requireNonNull(store, "store is null");
    requireNonNull(directory, "directory is null");
    requireNonNull(slack, "slack is null");
    requireNonNull(paging, "paging is null");
    requireNonNull(context, "context is null");
    requireNonNull(tracker, "tracker is null");
    requireNonNull(timeline, "timeline is null");
    requireNonNull(postmortems, "postmortems is null");
  }

  Object[] all() {
    return new Object[] {
      store,
      directory,
      slack,
      paging,
      new OpeningActivitiesImpl(directory, store, paging),
      context,
      tracker,
      timeline,
      postmortems
    };
  }
}
