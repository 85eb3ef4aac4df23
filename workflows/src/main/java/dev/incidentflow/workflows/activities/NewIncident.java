package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Severity;
import java.time.Instant;

/**
 * The first record of an incident.
 *
 * @param firstRunId the run id of the workflow's first run; with {@code workflowId} the key that
 *     makes recording idempotent
 * @param source {@code alertmanager}, {@code grafana}, {@code generic} or {@code declared}
 * @param dedupKey the alert group key, or null for a declared incident
 */
public record NewIncident(
    String workflowId,
    String firstRunId,
    String title,
    String description,
    Severity severity,
    String service,
    String source,
    String dedupKey,
    String declaredBy,
    Instant triggeredAt) {

  public NewIncident {
    requireNonNull(workflowId, "workflowId is null");
    requireNonNull(firstRunId, "firstRunId is null");
    requireNonNull(title, "title is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(service, "service is null");
    requireNonNull(source, "source is null");
    requireNonNull(triggeredAt, "triggeredAt is null");
    description = description == null ? "" : description;
  }
}
