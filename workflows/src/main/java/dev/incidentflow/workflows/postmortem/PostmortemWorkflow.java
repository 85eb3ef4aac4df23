package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.TrackerStatus;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The postmortem of one closed incident, started by the incident workflow as a child it abandons
 * (see {@link Postmortems#startFor}). Creates the Jira issue, tells the commander and the
 * stakeholders, reminds the commander before the due time, flags it overdue and tells the
 * commander's manager after, and ends when the postmortem is published or its issue is done.
 */
@WorkflowInterface
public interface PostmortemWorkflow {

  @WorkflowMethod
  PostmortemOutcome run(PostmortemInput input);

  /**
   * Publishes the postmortem ({@code POST /v1/incidents/{id}/postmortem}, {@code /incident
   * postmortem <url>}). Completes once the publication is recorded.
   */
  @UpdateMethod
  PostmortemView publish(Publication publication);

  /**
   * Refuses a second, different publication (409) and one without a url (422); the same one again
   * (a retry) is answered as the first was.
   */
  @UpdateValidatorMethod(updateName = "publish")
  void validatePublish(Publication publication);

  /**
   * Hands the postmortem over to another owner ({@code POST /v1/incidents/{id}/postmortem/owner}):
   * from then on the reminder, the overdue notice and the escalation go to the new owner and their
   * manager, and a run continued as new keeps them. Completes once the new owner is saved and the
   * hand-over is on the timeline; the new owner is told, and made the Jira issue's assignee, after.
   * The owner it has already is answered as it is, so a retry changes nothing.
   */
  @UpdateMethod
  PostmortemView handOver(Handover handover);

  /**
   * Refuses a blank owner (an {@code IllegalArgumentException} failure), a postmortem not yet
   * scheduled and a published one (an {@code IllegalStateException} failure), unless the owner is
   * the one it has.
   */
  @UpdateValidatorMethod(updateName = "handOver")
  void validateHandOver(Handover handover);

  /** Jira's webhook says the status changed; a done status publishes the postmortem. */
  @SignalMethod
  void trackerStatusChanged(TrackerStatus status);

  @QueryMethod
  PostmortemView view();
}
