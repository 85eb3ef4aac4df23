package dev.incidentflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/**
 * The issue tracker (Jira). Rate limits (429) and outages (503, 5xx, network) are retried after
 * Jira's {@code Retry-After}, so a Jira that is down for hours delays work and loses none; a
 * request Jira rejects (400 and other 4xx) fails with {@link FailureType#JIRA_REJECTED}, naming the
 * field Jira complained about, and is not retried.
 */
@ActivityInterface
public interface TrackerActivities {

  /**
   * Creates the issue, or returns the one a previous attempt made. The issue carries {@link
   * NewTrackerIssue#idempotencyLabel()}, and an issue with that label is looked for before
   * creating, so a retry after a lost answer finds the first issue instead of making a second.
   */
  TrackerIssue createIssue(NewTrackerIssue issue);

  /** Links two issues. Idempotent: a link of the configured type that already exists is kept. */
  void linkIssues(IssueLink link);

  /**
   * Comments on the issue. Idempotent: the issue's latest comments are read first, and a comment
   * with the same text is not added again.
   */
  void commentOnIssue(IssueComment comment);

  /**
   * Assigns the issue, or leaves it unassigned for a null assignee. Idempotent: the same assignment
   * again changes nothing.
   */
  void assignIssue(IssueAssignment assignment);

  /** The issue's status now, and whether its status category is done. Read-only. */
  TrackerStatus issueStatus(String issueKey);
}
