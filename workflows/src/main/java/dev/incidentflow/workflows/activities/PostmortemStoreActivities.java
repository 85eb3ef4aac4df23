package dev.incidentflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/**
 * Postmortems and action items in PostgreSQL, behind {@code GET /v1/action-items} and the Jira
 * webhook's lookup of the workflow an issue belongs to. Database faults are retried.
 */
@ActivityInterface
public interface PostmortemStoreActivities {

  /** Writes the incident's postmortem row, overwriting the previous state. Idempotent. */
  void savePostmortem(PostmortemRecord postmortem);

  /** The Jira issue of the incident's postmortem, once it has one. Read-only. */
  PostmortemIssue findPostmortemIssue(IncidentNumber incident);

  /**
   * Records a new action item and returns its number. Idempotent per workflow id: a retry, or a
   * later run of the same workflow (a reopened item), gets the same number without the check below.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@code ACTION_ITEM_REFUSED}, not
   *     retried, when the incident takes no new action item ({@code ActionItemAdmission})
   */
  ActionItemNumber recordActionItem(NewActionItem item);

  /** Overwrites an action item's status, Jira issue and round. Idempotent. */
  void saveActionItem(ActionItemRecord item);
}
