package dev.incidentflow.activities.tracker;

import static java.util.Objects.requireNonNull;

/**
 * What {@link LoggingTrackerActivities} would have done in Jira.
 *
 * @param operation the {@code TrackerActivities} method, e.g. {@code createIssue}
 * @param target the issue key (made up for a create)
 * @param text the summary of a created issue, the linked key, or the status answered
 */
public record RecordedTrackerCall(String operation, String target, String text) {

  public RecordedTrackerCall {
    requireNonNull(operation, "operation is null");
    requireNonNull(target, "target is null");
    requireNonNull(text, "text is null");
  }
}
