package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * An incident as stored: what the list and the detail view of the API show. Every field a workflow
 * fills in later (commander, channel, the time of each status) is null until it does.
 *
 * @param id {@code INC-<number>}
 * @param firstRunId the workflow run the incident began in: an alert group's incidents share {@code
 *     workflowId}, and later runs of it may belong to the group's next incident
 * @param dedupKey the alert group key, or null for a declared incident
 * @param roles role name to person handle
 * @param nextUpdateDue when the next status update is due, or null when no cadence runs
 */
public record IncidentRecord(
    String id,
    long number,
    String workflowId,
    String firstRunId,
    String title,
    String description,
    Severity severity,
    String service,
    IncidentStatus status,
    String source,
    String dedupKey,
    String declaredBy,
    String commander,
    Map<String, String> roles,
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
    Instant canceledAt) {

  public IncidentRecord {
    requireNonNull(id, "id is null");
    if (!id.equals(idOf(number))) {
      throw new IllegalArgumentException("id " + id + " does not name incident number " + number);
    }
    requireNonNull(workflowId, "workflowId is null");
    requireNonNull(firstRunId, "firstRunId is null");
    requireNonNull(title, "title is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(service, "service is null");
    requireNonNull(status, "status is null");
    requireNonNull(source, "source is null");
    requireNonNull(triggeredAt, "triggeredAt is null");
    if (escalationLevel < 0) {
      throw new IllegalArgumentException("escalationLevel is negative: " + escalationLevel);
    }
    description = description == null ? "" : description;
    roles = roles == null ? Map.of() : Map.copyOf(roles);
  }

  /** The id of incident {@code number}: {@code INC-<number>}. */
  public static String idOf(long number) {
    return "INC-" + number;
  }
}
