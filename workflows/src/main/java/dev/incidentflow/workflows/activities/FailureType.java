package dev.incidentflow.workflows.activities;

/**
 * The {@code ApplicationFailure} types activities throw for permanent faults. Workflows list them
 * as non-retryable; everything else (429, 5xx, timeouts) is retried.
 */
public enum FailureType {
  /** Slack answered {@code ok:false} with an error that will not go away on retry. */
  SLACK_REJECTED,
  /** PagerDuty answered 400: the event is invalid. */
  PAGERDUTY_REJECTED,
  /** Jira answered 4xx (other than 429) with its error body. */
  JIRA_REJECTED,
  /** The configuration or catalog cannot answer the request. */
  CONFIG_INVALID,
  /**
   * The store refused to record an action item: its incident is over (see {@code
   * ActionItemAdmission}).
   */
  ACTION_ITEM_REFUSED;

  public static String[] names() {
    FailureType[] values = values();
    String[] names = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      names[i] = values[i].name();
    }
    return names;
  }
}
