package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Incidents as a workflow would hand them to the store. */
final class SampleIncidents {

  static final Instant START = Instant.parse("2025-05-01T10:00:00Z");

  private SampleIncidents() {}

  static NewIncident alert(String workflowId, String firstRunId) {
    return new NewIncident(
        workflowId,
        firstRunId,
        "Checkout latency above SLO",
        "p99 latency of checkout is 4s",
        Severity.SEV2,
        "checkout",
        "alertmanager",
        "{}:{alertname=\"CheckoutLatency\"}",
        null,
        START);
  }

  static NewIncident incident(
      String workflowId,
      String title,
      String description,
      Severity severity,
      String service,
      Instant at) {
    return new NewIncident(
        workflowId,
        workflowId + "-run",
        title,
        description,
        severity,
        service,
        "declared",
        null,
        "alice",
        at);
  }

  /** The state right after recording: triggered, nobody on it yet. */
  static IncidentSnapshot triggered(long number, NewIncident incident, List<TimelineEvent> events) {
    return channelOpened(number, incident, null, null, events);
  }

  /** The state once its channel is open, still triggered. */
  static IncidentSnapshot channelOpened(
      long number,
      NewIncident incident,
      String channelId,
      String channelName,
      List<TimelineEvent> events) {
    return new IncidentSnapshot(
        number,
        incident.workflowId(),
        incident.title(),
        incident.severity(),
        incident.service(),
        IncidentStatus.TRIGGERED,
        null,
        Map.of(),
        channelId,
        channelName,
        0,
        null,
        Map.of(IncidentStatus.TRIGGERED, incident.triggeredAt()),
        events);
  }

  static TimelineEvent event(int sequence, TimelineEventType type, String by, String text) {
    return new TimelineEvent(sequence, START.plusSeconds(sequence * 60L), type, by, text, Map.of());
  }
}
