package dev.incidentflow.workflows.activities;

/**
 * The Jira issue of an incident's postmortem.
 *
 * @param key the issue key, or null while there is no postmortem issue (yet)
 */
public record PostmortemIssue(String key) {

  public static PostmortemIssue none() {
    return new PostmortemIssue(null);
  }

  public boolean exists() {
    return key != null;
  }
}
