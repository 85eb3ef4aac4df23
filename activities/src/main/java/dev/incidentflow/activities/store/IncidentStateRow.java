package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.model.IncidentStatus;
import java.time.Instant;

/**
 * The columns {@link IncidentStateStatements#updateState} writes, in their stored form: wire names
 * for enums, JSON for roles, one nullable time per status.
 *
 * @param triggeredAt null keeps the stored time (it is never cleared)
 */
record IncidentStateRow(
    long number,
    String workflowId,
    String title,
    String severity,
    String service,
    String status,
    String commander,
    String roles,
    String channelId,
    String channelName,
    int escalationLevel,
    Instant nextUpdateDue,
    Instant triggeredAt,
    Instant acknowledgedAt,
    Instant identifiedAt,
    Instant mitigatedAt,
    Instant resolvedAt,
    Instant closedAt,
    Instant canceledAt,
    int revision) {

  IncidentStateRow {
    requireNonNull(workflowId, "workflowId is null");
    requireNonNull(title, "title is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(service, "service is null");
    requireNonNull(status, "status is null");
    requireNonNull(roles, "roles is null");
  }

  /**
   * A status missing from the snapshot's times is stored as NULL, so a reopen clears resolved_at.
   */
  static IncidentStateRow of(IncidentSnapshot snapshot) {
    var times = snapshot.statusTimes();
    return new IncidentStateRow(
        snapshot.number(),
        snapshot.workflowId(),
        snapshot.title(),
        snapshot.severity().name(),
        snapshot.service(),
        snapshot.status().wireName(),
        snapshot.commander(),
        JsonColumns.write(snapshot.roles()),
        snapshot.channelId(),
        snapshot.channelName(),
        snapshot.escalationLevel(),
        snapshot.nextUpdateDue(),
        times.get(IncidentStatus.TRIGGERED),
        times.get(IncidentStatus.ACKNOWLEDGED),
        times.get(IncidentStatus.IDENTIFIED),
        times.get(IncidentStatus.MITIGATED),
        times.get(IncidentStatus.RESOLVED),
        times.get(IncidentStatus.CLOSED),
        times.get(IncidentStatus.CANCELED),
        snapshot.revision());
  }
}
