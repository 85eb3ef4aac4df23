package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

/**
 * An issue in the tracker.
 *
 * @param key e.g. {@code PAY-118}
 * @param url where a person opens it, e.g. {@code https://example.atlassian.net/browse/PAY-118}
 */
public record TrackerIssue(String key, String url) {

  public TrackerIssue {
    requireNonNull(key, "key is null");
    requireNonNull(url, "url is null");
  }
}
