package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.ActionItemKind;
import java.time.LocalDate;

/** The first record of an action item; the workflow id is its idempotency key. */
public record NewActionItem(
    String workflowId,
    long incidentNumber,
    String title,
    String owner,
    LocalDate due,
    ActionItemKind kind,
    String createdBy) {

  public NewActionItem {
    requireNonNull(workflowId, "workflowId is null");
    if (incidentNumber < 1) {
      throw new IllegalArgumentException("incident numbers start at 1: " + incidentNumber);
    }
    requireNonNull(title, "title is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(due, "due is null");
    requireNonNull(kind, "kind is null");
  }
}
