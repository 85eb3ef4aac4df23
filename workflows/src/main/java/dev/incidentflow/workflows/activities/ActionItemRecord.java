package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.incidentflow.workflows.model.ActionItemStatus;
import java.time.Instant;

/**
 * An action item's changing part, as stored.
 *
 * @param jiraKey null until the issue exists
 * @param round 0 for the first run, one more for each reopening in Jira
 * @param doneAt when it was done (Jira's time when Jira said), else null
 * @param doneBy who marked it done, the handle of a person or {@code jira} when its issue was
 *     closed there; null while it is not done. Unknown fields are ignored, so a worker older than a
 *     field added later still saves what it knows.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionItemRecord(
    long number,
    String workflowId,
    ActionItemStatus status,
    String jiraKey,
    String jiraUrl,
    int round,
    Instant doneAt,
    String doneBy) {

  public ActionItemRecord {
    if (number < 1) {
      throw new IllegalArgumentException("action item numbers start at 1: " + number);
    }
    requireNonNull(workflowId, "workflowId is null");
    requireNonNull(status, "status is null");
    if (round < 0) {
      throw new IllegalArgumentException("round must not be negative: " + round);
    }
    if (doneBy != null && status != ActionItemStatus.DONE) {
      throw new IllegalArgumentException("doneBy is for a done item, not one " + status.wireName());
    }
  }
}
