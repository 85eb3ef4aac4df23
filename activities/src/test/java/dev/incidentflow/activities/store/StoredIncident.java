package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An incident with known timestamps, written through the store activities as a workflow would write
 * it: recorded, then saved with its status times and timeline.
 *
 * <pre>{@code
 * long number = StoredIncident.triggered("wf-1", "Checkout down", "checkout", SEV1, at)
 *     .acknowledgedAfter(Duration.ofSeconds(60))
 *     .store(store);
 * }</pre>
 */
final class StoredIncident {
  private final String workflowId;
  private final String title;
  private final String service;
  private final Severity severity;
  private final Instant triggeredAt;
  private final Map<IncidentStatus, Instant> times = new EnumMap<>(IncidentStatus.class);
  private final List<TimelineEvent> events = new ArrayList<>();
  private String description = "";
  private String source = "declared";
  private String dedupKey;
  private String commander;
  private int escalationLevel;

  private StoredIncident(
      String workflowId, String title, String service, Severity severity, Instant triggeredAt) {
    this.workflowId = requireNonNull(workflowId, "workflowId is null");
    this.title = requireNonNull(title, "title is null");
    this.service = requireNonNull(service, "service is null");
    this.severity = requireNonNull(severity, "severity is null");
    this.triggeredAt = requireNonNull(triggeredAt, "triggeredAt is null");
    times.put(IncidentStatus.TRIGGERED, triggeredAt);
  }

  static StoredIncident triggered(
      String workflowId, String title, String service, Severity severity, Instant triggeredAt) {
    return new StoredIncident(workflowId, title, service, severity, triggeredAt);
  }

  StoredIncident description(String text) {
    this.description = text;
    return this;
  }

  /** An alert source ({@code alertmanager}, {@code grafana}, {@code generic}) and its group key. */
  StoredIncident alert(String alertSource, String key) {
    this.source = alertSource;
    this.dedupKey = key;
    return this;
  }

  StoredIncident commander(String handle) {
    this.commander = handle;
    return this;
  }

  StoredIncident escalationLevel(int level) {
    this.escalationLevel = level;
    return this;
  }

  /** The incident reached {@code status} this long after it was triggered. */
  StoredIncident reached(IncidentStatus status, Duration afterTrigger) {
    times.put(status, triggeredAt.plus(afterTrigger));
    return this;
  }

  StoredIncident acknowledgedAfter(long seconds) {
    return reached(IncidentStatus.ACKNOWLEDGED, Duration.ofSeconds(seconds));
  }

  StoredIncident identifiedAfter(long seconds) {
    return reached(IncidentStatus.IDENTIFIED, Duration.ofSeconds(seconds));
  }

  StoredIncident mitigatedAfter(long seconds) {
    return reached(IncidentStatus.MITIGATED, Duration.ofSeconds(seconds));
  }

  StoredIncident resolvedAfter(long seconds) {
    return reached(IncidentStatus.RESOLVED, Duration.ofSeconds(seconds));
  }

  StoredIncident closedAfter(long seconds) {
    return reached(IncidentStatus.CLOSED, Duration.ofSeconds(seconds));
  }

  StoredIncident canceledAfter(long seconds) {
    return reached(IncidentStatus.CANCELED, Duration.ofSeconds(seconds));
  }

  /** Appends a timeline event this long after the trigger. */
  StoredIncident event(TimelineEventType type, long secondsAfterTrigger, String by, String text) {
    return event(type, secondsAfterTrigger, by, text, Map.of());
  }

  /**
   * Appends the event the incident workflow records when escalation step {@code level} has run:
   * {@code paged} for step 0, {@code escalated} after, naming the people notified as it does.
   */
  StoredIncident paged(long secondsAfterTrigger, int level, String... handles) {
    String notified = String.join(",", handles);
    return event(
        level == 0 ? TimelineEventType.PAGED : TimelineEventType.ESCALATED,
        secondsAfterTrigger,
        TimelineEvent.SYSTEM,
        "Paged " + (handles.length == 0 ? "nobody" : notified),
        Map.of("level", Integer.toString(level), "notified", notified));
  }

  private StoredIncident event(
      TimelineEventType type,
      long secondsAfterTrigger,
      String by,
      String text,
      Map<String, String> data) {
    events.add(
        new TimelineEvent(
            events.size() + 1, triggeredAt.plusSeconds(secondsAfterTrigger), type, by, text, data));
    return this;
  }

  /** Records and saves the incident; its status is the latest one it reached. */
  long store(IncidentStoreActivitiesImpl store) {
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
                    source,
                    dedupKey,
                    source.equals("declared") ? "alice" : null,
                    triggeredAt))
            .number();
    IncidentStatus status = times.keySet().stream().reduce((first, second) -> second).orElseThrow();
    store.saveIncident(
        new IncidentSnapshot(
            number,
            workflowId,
            title,
            severity,
            service,
            status,
            commander,
            commander == null ? Map.of() : Map.of("commander", commander),
            null,
            null,
            escalationLevel,
            null,
            times,
            events));
    return number;
  }
}
