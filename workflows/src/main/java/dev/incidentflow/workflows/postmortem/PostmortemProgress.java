package dev.incidentflow.workflows.postmortem;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.model.PostmortemStatus;

/**
 * How far a postmortem has got; carried across continue-as-new.
 *
 * @param issue the Jira issue, or null while Jira has not made one (refused, or down)
 */
public record PostmortemProgress(
    TrackerIssue issue, PostmortemStatus status, FollowUpProgress followUp) {

  public PostmortemProgress {
    requireNonNull(status, "status is null");
    requireNonNull(followUp, "followUp is null");
  }

  public PostmortemProgress with(TrackerIssue newIssue) {
    return new PostmortemProgress(newIssue, status, followUp);
  }

  public PostmortemProgress with(PostmortemStatus newStatus) {
    return new PostmortemProgress(issue, newStatus, followUp);
  }

  public PostmortemProgress with(FollowUpProgress newFollowUp) {
    return new PostmortemProgress(issue, status, newFollowUp);
  }
}
