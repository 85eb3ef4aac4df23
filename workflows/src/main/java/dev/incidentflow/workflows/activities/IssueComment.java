package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

/**
 * A comment to add to an issue.
 *
 * @param text in Jira's wiki markup (REST v2)
 */
public record IssueComment(String issueKey, String text) {

  public IssueComment {
    requireNonNull(issueKey, "issueKey is null");
    requireNonNull(text, "text is null");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a comment cannot be blank");
    }
  }
}
