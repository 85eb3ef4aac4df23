package dev.incidentflow.activities.tracker;

/** Which Jira: the two differ in authentication, search path and how a user is named. */
public enum JiraDeployment {
  /**
   * Atlassian's cloud: email + API token, {@code /rest/api/2/search/jql}, users by {@code
   * accountId}.
   */
  CLOUD,
  /** Self-hosted: a personal access token, {@code /rest/api/2/search}, users by {@code name}. */
  DATA_CENTER
}
