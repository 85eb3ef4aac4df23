package dev.incidentflow.workflows.activities;

import dev.incidentflow.workflows.model.TimelineEvent;
import java.util.List;

/** An incident's timeline, in sequence order. */
public record IncidentTimeline(long incidentNumber, List<TimelineEvent> events) {

  public IncidentTimeline {
    events = events == null ? List.of() : List.copyOf(events);
  }
}
