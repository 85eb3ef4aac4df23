package dev.incidentflow.activities.tracker;

import static java.util.Objects.requireNonNull;

/** Jira's answer to a create: {@code {"id", "key", "self"}}. */
public record JiraIssueRef(String id, String key, String self) {

  public JiraIssueRef {
    requireNonNull(key, "key is null");
  }
}
