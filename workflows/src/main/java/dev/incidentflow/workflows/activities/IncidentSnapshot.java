package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The incident's current state as the workflow knows it, plus the timeline events it has not
 * persisted yet.
 *
 * @param statusTimes when each status was (last) reached
 * @param nextUpdateDue when the next status update is due, or null when no cadence runs
 * @param revision the sequence of the last event the state includes; the store keeps the state of
 *     the highest revision it has seen, so an attempt of an older save that lands late (a timed-out
 *     activity whose transaction still commits) cannot undo a newer one. 0 when unknown.
 */
public record IncidentSnapshot(
    long number,
    String workflowId,
    String title,
    Severity severity,
    String service,
    IncidentStatus status,
    String commander,
    Map<String, String> roles,
    String channelId,
    String channelName,
    int escalationLevel,
    Instant nextUpdateDue,
    Map<IncidentStatus, Instant> statusTimes,
    List<TimelineEvent> newEvents,
    int revision) {

  public IncidentSnapshot {
    requireNonNull(workflowId, "workflowId is null");
    requireNonNull(title, "title is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(service, "service is null");
    requireNonNull(status, "status is null");
    roles = roles == null ? Map.of() : Map.copyOf(roles);
    statusTimes = statusTimes == null ? Map.of() : Map.copyOf(statusTimes);
    newEvents = newEvents == null ? List.of() : List.copyOf(newEvents);
  }

  /** A snapshot of unknown revision, which the store always writes. */
  public IncidentSnapshot(
      long number,
      String workflowId,
      String title,
      Severity severity,
      String service,
      IncidentStatus status,
      String commander,
      Map<String, String> roles,
      String channelId,
      String channelName,
      int escalationLevel,
      Instant nextUpdateDue,
      Map<IncidentStatus, Instant> statusTimes,
      List<TimelineEvent> newEvents) {
    this(
        number,
        workflowId,
        title,
        severity,
        service,
        status,
        commander,
        roles,
        channelId,
        channelName,
        escalationLevel,
        nextUpdateDue,
        statusTimes,
        newEvents,
        0);
  }

  /** The same state with no events, to tell whether anything but the timeline changed. */
  public IncidentSnapshot withoutEvents() {
    return new IncidentSnapshot(
        number,
        workflowId,
        title,
        severity,
        service,
        status,
        commander,
        roles,
        channelId,
        channelName,
        escalationLevel,
        nextUpdateDue,
        statusTimes,
        List.of(),
        revision);
  }
}
