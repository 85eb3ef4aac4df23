package dev.incidentflow.workflows.postmortem;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When an incident reached each status, for the postmortem's impact window and phase durations.
 * Every status but the first and the resolution may be missing (an incident resolved straight from
 * triggered has none in between).
 */
public record IncidentTimes(
    Instant triggeredAt,
    Instant acknowledgedAt,
    Instant identifiedAt,
    Instant mitigatedAt,
    Instant resolvedAt,
    Instant closedAt) {

  /** One phase of the MTTR breakdown and how long it took, or null when it cannot be told. */
  public record Phase(String name, String from, String to, Duration duration) {}

  public IncidentTimes {
    requireNonNull(triggeredAt, "triggeredAt is null");
    requireNonNull(resolvedAt, "resolvedAt is null");
  }

  /** From the first alert (or declaration) to the all-clear. */
  public Duration impact() {
    return Duration.between(triggeredAt, resolvedAt);
  }

  /**
   * Detection (triggered to acknowledged), triage (to identified), remediation (to mitigated) and
   * verification (to resolved). A phase whose end is missing has no duration, and the next phase
   * counts from the last time known.
   */
  public List<Phase> phases() {
    List<Phase> phases = new ArrayList<>();
    Instant from = triggeredAt;
    String fromName = "triggered";
    String[] names = {"Detection", "Triage", "Remediation", "Verification"};
    String[] statuses = {"acknowledged", "identified", "mitigated", "resolved"};
    Instant[] ends = {acknowledgedAt, identifiedAt, mitigatedAt, resolvedAt};
    for (int i = 0; i < names.length; i++) {
      Instant end = ends[i];
      if (end == null) {
        phases.add(new Phase(names[i], fromName, statuses[i], null));
        continue;
      }
      Duration took = Duration.between(from, end);
      phases.add(
          new Phase(names[i], fromName, statuses[i], took.isNegative() ? Duration.ZERO : took));
      from = end;
      fromName = statuses[i];
    }
    return phases;
  }
}
