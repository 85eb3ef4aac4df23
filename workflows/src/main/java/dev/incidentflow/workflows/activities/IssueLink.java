package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

/**
 * Link {@code issueKey} to {@code linkedKey} with the tracker's configured link type (Jira's {@code
 * Relates} by default): an action item to its postmortem.
 */
public record IssueLink(String issueKey, String linkedKey) {

  public IssueLink {
    requireNonNull(issueKey, "issueKey is null");
    requireNonNull(linkedKey, "linkedKey is null");
    if (issueKey.equals(linkedKey)) {
      throw new IllegalArgumentException("an issue cannot be linked to itself: " + issueKey);
    }
  }
}
