package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item as the API lists it.
 *
 * @param round 0 when added, one more each time Jira reopened it after it was done
 * @param doneBy who marked it done (a person's handle, or {@code jira}); null while it is not done,
 *     or when a worker older than the column saved it done
 */
public record ActionItemRow(
    long number,
    String workflowId,
    long incidentNumber,
    String title,
    String owner,
    LocalDate due,
    ActionItemKind kind,
    ActionItemStatus status,
    String jiraKey,
    String jiraUrl,
    int round,
    String createdBy,
    Instant createdAt,
    Instant doneAt,
    String doneBy) {

  public ActionItemRow {
    requireNonNull(workflowId, "workflowId is null");
    requireNonNull(title, "title is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(due, "due is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(status, "status is null");
  }

  /** {@code AI-<number>}. */
  public String id() {
    return new ActionItemNumber(number).id();
  }

  /** {@code INC-<number>}. */
  public String incidentId() {
    return IncidentRecord.idOf(incidentNumber);
  }
}
