package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A PagerDuty Events API v2 event.
 *
 * @param routingKey the integration's routing key, or null for the configured default
 * @param dedupKey deterministic per incident and escalation step, so a retry, a second Alertmanager
 *     replica or a restarted worker never makes a second page
 * @param severity PagerDuty's: {@code critical}, {@code error}, {@code warning} or {@code info}
 */
public record PagerEvent(
    Action action,
    String routingKey,
    String dedupKey,
    String summary,
    String source,
    String severity,
    String component,
    Map<String, String> customDetails) {

  public enum Action {
    TRIGGER,
    ACKNOWLEDGE,
    RESOLVE
  }

  public PagerEvent {
    requireNonNull(action, "action is null");
    requireNonNull(dedupKey, "dedupKey is null");
    summary = summary == null ? "" : summary;
    source = source == null ? "incidentflow" : source;
    severity = severity == null ? "critical" : severity;
    customDetails = customDetails == null ? Map.of() : Map.copyOf(customDetails);
  }
}
