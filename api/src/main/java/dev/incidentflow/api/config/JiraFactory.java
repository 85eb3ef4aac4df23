package dev.incidentflow.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.incidentflow.activities.tracker.JiraClient;
import dev.incidentflow.activities.tracker.JiraSettings;
import dev.incidentflow.activities.tracker.JiraTrackerActivities;
import dev.incidentflow.activities.tracker.LoggingTrackerActivities;
import dev.incidentflow.workflows.activities.TrackerActivities;

/**
 * Jira (Cloud with email + API token, or Data Center with a personal access token). Postmortems,
 * action items and the tickets of incidents that page nobody use it.
 */
public class JiraFactory {
  private String url;
  private String email;
  private String apiToken;
  private String pat;
  private String webhookSecret;
  private String postmortemIssueType;
  private String actionItemIssueType;
  private String incidentIssueType;
  private String linkType;

  @JsonProperty
  public String getUrl() {
    return url;
  }

  @JsonProperty
  public void setUrl(String url) {
    this.url = url;
  }

  @JsonProperty
  public void setEmail(String email) {
    this.email = email;
  }

  @JsonProperty
  public void setApiToken(String apiToken) {
    this.apiToken = apiToken;
  }

  @JsonProperty
  public void setPat(String pat) {
    this.pat = pat;
  }

  @JsonProperty
  public void setWebhookSecret(String webhookSecret) {
    this.webhookSecret = webhookSecret;
  }

  public boolean isConfigured() {
    return url != null
        && !url.isBlank()
        && (pat != null && !pat.isBlank()
            || email != null && !email.isBlank() && apiToken != null && !apiToken.isBlank());
  }

  public String getWebhookSecret() {
    return webhookSecret;
  }

  /** The issue type of postmortems; Jira's {@code Task} when unset. */
  @JsonProperty
  public void setPostmortemIssueType(String postmortemIssueType) {
    this.postmortemIssueType = postmortemIssueType;
  }

  /** The issue type of action items; Jira's {@code Task} when unset. */
  @JsonProperty
  public void setActionItemIssueType(String actionItemIssueType) {
    this.actionItemIssueType = actionItemIssueType;
  }

  /**
   * The issue type of the ticket an incident whose severity pages nobody opens for the owning team;
   * Jira's {@code Task} when unset.
   */
  @JsonProperty
  public void setIncidentIssueType(String incidentIssueType) {
    this.incidentIssueType = incidentIssueType;
  }

  /** The link from an action item to its postmortem; Jira's {@code Relates} when unset. */
  @JsonProperty
  public void setLinkType(String linkType) {
    this.linkType = linkType;
  }

  /** The settings of a configured Jira: Data Center when a PAT is set, else Cloud. */
  public JiraSettings settings() {
    return new JiraSettings(
        url,
        email,
        apiToken,
        pat,
        postmortemIssueType,
        actionItemIssueType,
        incidentIssueType,
        linkType);
  }

  /** Jira when configured, else a stand-in that logs and records the issues it would create. */
  public TrackerActivities build() {
    return isConfigured()
        ? new JiraTrackerActivities(new JiraClient(settings()))
        : new LoggingTrackerActivities();
  }
}
