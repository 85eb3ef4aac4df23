package dev.incidentflow.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.incidentflow.activities.slack.LoggingSlackChatActivities;
import dev.incidentflow.activities.slack.SlackChatActivitiesImpl;
import dev.incidentflow.activities.slack.SlackSettings;
import dev.incidentflow.workflows.activities.SlackChatActivities;

/** Slack: live with a bot token, otherwise logging what it would send. */
public class SlackFactory {
  private String botToken;
  private String signingSecret;
  private String apiUrl;
  private boolean privateChannels;

  @JsonProperty
  public void setBotToken(String botToken) {
    this.botToken = botToken;
  }

  @JsonProperty
  public void setSigningSecret(String signingSecret) {
    this.signingSecret = signingSecret;
  }

  public String getSigningSecret() {
    return signingSecret;
  }

  @JsonProperty
  public void setApiUrl(String apiUrl) {
    this.apiUrl = apiUrl;
  }

  @JsonProperty
  public void setPrivateChannels(boolean privateChannels) {
    this.privateChannels = privateChannels;
  }

  public SlackSettings settings() {
    return new SlackSettings(botToken, apiUrl, privateChannels);
  }

  public boolean isLive() {
    return settings().hasBotToken();
  }

  public SlackChatActivities build() {
    SlackSettings settings = settings();
    return settings.hasBotToken()
        ? new SlackChatActivitiesImpl(settings)
        : new LoggingSlackChatActivities();
  }
}
