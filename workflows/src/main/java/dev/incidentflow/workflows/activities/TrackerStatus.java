package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An issue's status, from a poll or a webhook.
 *
 * @param name the status as people see it, e.g. {@code In Progress}
 * @param done whether the status belongs to Jira's {@code done} status category; moving back out of
 *     it (a reopen) makes the issue open again
 * @param changedAt when the issue moved into this status category, as Jira says; null when it did
 *     not say (the time it is heard of stands in)
 * @param by who moved the issue into this status, as Jira names them (a webhook event's user, when
 *     the event changed the status); null when it did not say, as a poll never does
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrackerStatus(
    String issueKey, String name, boolean done, Instant changedAt, String by) {

  public TrackerStatus {
    requireNonNull(issueKey, "issueKey is null");
    name = name == null ? "" : name;
    by = by == null || by.isBlank() ? null : by.trim();
  }

  /** A status Jira gave no mover for. */
  public TrackerStatus(String issueKey, String name, boolean done, Instant changedAt) {
    this(issueKey, name, done, changedAt, null);
  }

  /** A status Jira gave no time for. */
  public TrackerStatus(String issueKey, String name, boolean done) {
    this(issueKey, name, done, null, null);
  }

  /**
   * When the issue took this status: Jira's time, unless it names none or one after {@code now}.
   */
  public Instant changedBy(Instant now) {
    return changedAt == null || changedAt.isAfter(now) ? now : changedAt;
  }
}
