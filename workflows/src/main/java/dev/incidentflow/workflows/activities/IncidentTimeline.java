package dev.incidentflow.workflows.activities;

import dev.incidentflow.workflows.model.TimelineEvent;
import java.util.List;

/**
 * An incident's timeline, in the order things happened, and the deploys that preceded it: what its
 * postmortem tells.
 *
 * @param deploys to the incident's service and the services it depends on in the deploy window
 *     before it started, newest first (the briefing's list); empty in results recorded before
 *     deploys were read here
 */
public record IncidentTimeline(
    long incidentNumber, List<TimelineEvent> events, List<Deploy> deploys) {

  public IncidentTimeline {
    events = events == null ? List.of() : List.copyOf(events);
    deploys = deploys == null ? List.of() : List.copyOf(deploys);
  }
}
