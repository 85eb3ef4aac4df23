package dev.incidentflow.workflows.postmortem;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.model.Person;

/**
 * How far an action item has got; carried across continue-as-new.
 *
 * @param issue the Jira issue, or null while Jira has not made one (refused, or down)
 * @param linkedTo the postmortem issue it is linked to, or null while there is none
 */
public record ActionItemProgress(
    ActionItemNumber number,
    Person owner,
    TrackerIssue issue,
    String linkedTo,
    ActionItemStatus status,
    FollowUpProgress followUp) {

  public ActionItemProgress {
    requireNonNull(number, "number is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(status, "status is null");
    requireNonNull(followUp, "followUp is null");
  }

  public ActionItemProgress with(TrackerIssue newIssue) {
    return new ActionItemProgress(number, owner, newIssue, linkedTo, status, followUp);
  }

  public ActionItemProgress linked(String postmortemKey) {
    return new ActionItemProgress(number, owner, issue, postmortemKey, status, followUp);
  }

  public ActionItemProgress with(ActionItemStatus newStatus) {
    return new ActionItemProgress(number, owner, issue, linkedTo, newStatus, followUp);
  }

  public ActionItemProgress with(FollowUpProgress newFollowUp) {
    return new ActionItemProgress(number, owner, issue, linkedTo, status, newFollowUp);
  }
}
