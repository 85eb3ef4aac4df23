package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.TrackerStatus;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One postmortem action item, chased until Jira says it is done: a Jira issue assigned to the owner
 * with the due date, linked to the postmortem issue; a reminder before the due date; the overdue
 * flag; the owner's manager after {@code escalateAfterOverdue}; weekly after that. Done comes from
 * Jira's webhook ({@link #trackerStatusChanged}) or, when that is lost, from polling every {@code
 * pollEvery}; an item whose issue Jira did not make (Jira is not configured, or made none) is done
 * when a person says so ({@link #markDone}). A done item that Jira reopens is chased again by a new
 * run of the same workflow id, started by the webhook with {@link ActionItemInput#reopened()}.
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

  /**
   * A person says the item is done: it ends as a done Jira issue ends it, its timeline event and
   * {@code done_at} naming them and now. Completes once the item is saved done; an item done
   * already (by Jira, or by an earlier call) answers as it is, so a retry changes nothing.
   */
  @UpdateMethod
  ActionItemView markDone(ActionItemCompletion completion);

  /**
   * Refuses (an {@code IllegalStateException} failure) an item that is not recorded yet, an open
   * item whose issue Jira made (Jira closes that one, and IncidentFlow follows it), and an open
   * item whose issue is being made at a poll (it would be left open in Jira).
   */
  @UpdateValidatorMethod(updateName = "markDone")
  void validateMarkDone(ActionItemCompletion completion);

  /** Jira's webhook says the status changed; a done status ends the item. */
  @SignalMethod
  void trackerStatusChanged(TrackerStatus status);

  @QueryMethod
  ActionItemView view();
}
