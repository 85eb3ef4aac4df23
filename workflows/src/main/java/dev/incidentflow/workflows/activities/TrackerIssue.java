package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

/**
 * An issue in the tracker.
 *
 * @param key e.g. {@code PAY-118}
 * @param url where a person opens it, e.g. {@code https://example.atlassian.net/browse/PAY-118}
 */
public record TrackerIssue(String key, String url) {

  /**
   * How the URL of an issue of the stand-in for an unconfigured Jira begins: no one can open it,
   * and nothing but IncidentFlow can close it.
   */
  private static final String STAND_IN_URL = "jira-not-configured:";

  public TrackerIssue {
    requireNonNull(key, "key is null");
    requireNonNull(url, "url is null");
  }

  /** An issue the stand-in for an unconfigured Jira hands out, e.g. {@code DEV-1}. */
  public static TrackerIssue standIn(String key) {
    return new TrackerIssue(key, STAND_IN_URL + key);
  }

  /** Whether the stand-in for an unconfigured Jira made this issue, rather than Jira. */
  public boolean madeByStandIn() {
    return url.startsWith(STAND_IN_URL);
  }
}
