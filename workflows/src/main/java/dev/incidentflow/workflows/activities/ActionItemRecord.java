package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.ActionItemStatus;
import java.time.Instant;

/**
 * An action item's changing part, as stored.
 *
 * @param jiraKey null until the issue exists
 * @param round 0 for the first run, one more for each reopening in Jira
 * @param doneAt when Jira said it was done, else null
 */
public record ActionItemRecord(
    long number,
    String workflowId,
    ActionItemStatus status,
    String jiraKey,
    String jiraUrl,
    int round,
    Instant doneAt) {

  public ActionItemRecord {
    if (number < 1) {
      throw new IllegalArgumentException("action item numbers start at 1: " + number);
    }
    requireNonNull(workflowId, "workflowId is null");
    requireNonNull(status, "status is null");
    if (round < 0) {
      throw new IllegalArgumentException("round must not be negative: " + round);
    }
  }
}
