package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

/**
 * Who an issue is assigned to.
 *
 * @param assignee the person's Jira account (Cloud's {@code accountId}, Data Center's user name);
 *     null leaves the issue unassigned
 */
public record IssueAssignment(String issueKey, String assignee) {

  public IssueAssignment {
    requireNonNull(issueKey, "issueKey is null");
  }
}
