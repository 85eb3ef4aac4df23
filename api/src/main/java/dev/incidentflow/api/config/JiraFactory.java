package dev.incidentflow.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Jira (Cloud with email + API token, or Data Center with a personal access token). Read now so
 * the config format is settled; postmortems and action items use it.
 */
public class JiraFactory {
  private String url;
  private String email;
  private String apiToken;
  private String pat;
  private String webhookSecret;

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
    return url != null && !url.isBlank()
        && (pat != null && !pat.isBlank() || email != null && !email.isBlank() && apiToken != null && !apiToken.isBlank());
  }

  public String getWebhookSecret() {
    return webhookSecret;
  }
}
