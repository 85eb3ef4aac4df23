package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

/**
 * An issue's status, from a poll or a webhook.
 *
 * @param name the status as people see it, e.g. {@code In Progress}
 * @param done whether the status belongs to Jira's {@code done} status category; moving back out of
 *     it (a reopen) makes the issue open again
 */
public record TrackerStatus(String issueKey, String name, boolean done) {

  public TrackerStatus {
    requireNonNull(issueKey, "issueKey is null");
    name = name == null ? "" : name;
  }
}
