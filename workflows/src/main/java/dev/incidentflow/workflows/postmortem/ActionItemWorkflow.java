package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.TrackerStatus;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One postmortem action item, chased until Jira says it is done: a Jira issue assigned to the owner
 * with the due date, linked to the postmortem issue; a reminder before the due date; the overdue
 * flag; the owner's manager after {@code escalateAfterOverdue}; weekly after that. Done comes from
 * Jira's webhook ({@link #trackerStatusChanged}) or, when that is lost, from polling every {@code
 * pollEvery}. A done item that Jira reopens is chased again by a new run of the same workflow id,
 * started by the webhook with {@link ActionItemInput#reopened()}.
 */
@WorkflowInterface
public interface ActionItemWorkflow {

  @WorkflowMethod
  ActionItemOutcome run(ActionItemInput input);

  /**
   * Completes once the item has its number ({@code AI-<n>}) and, unless Jira takes longer than a
   * few seconds, its Jira issue. Fails with the reason (an {@code IllegalStateException} failure)
   * when the store refused the item because its incident is over ({@link ActionItemAdmission}).
   */
  @UpdateMethod
  ActionItemView registered();

  /** Jira's webhook says the status changed; a done status ends the item. */
  @SignalMethod
  void trackerStatusChanged(TrackerStatus status);

  @QueryMethod
  ActionItemView view();
}
