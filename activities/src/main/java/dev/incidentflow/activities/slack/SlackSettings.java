package dev.incidentflow.activities.slack;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Map;

/**
 * How to reach Slack.
 *
 * @param botToken the bot token ({@code xoxb-...}), or null when Slack is not configured and the
 *     logging stand-in should be used instead
 * @param apiUrl the Web API prefix that method names are appended to; defaults to {@value
 *     #DEFAULT_API_URL}
 * @param privateChannels when true every incident channel is private, whatever the request says
 */
public record SlackSettings(String botToken, String apiUrl, boolean privateChannels) {

  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  public SlackSettings {
    botToken = botToken == null || botToken.isBlank() ? null : botToken.strip();
    apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
    // The SDK appends the method name directly ("conversations.create"), so a prefix without the
    // trailing slash would silently call ".../apiconversations.create".
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
    URI uri = URI.create(apiUrl);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException("Slack apiUrl must be an http(s) URL: " + apiUrl);
    }
  }

  /** Reads {@code SLACK_BOT_TOKEN} and {@code SLACK_API_URL}; channels are public. */
  public static SlackSettings fromEnvironment(Map<String, String> environment) {
    requireNonNull(environment, "environment is null");
    return new SlackSettings(
        environment.get("SLACK_BOT_TOKEN"), environment.get("SLACK_API_URL"), false);
  }

  /** True when a bot token is set, so {@link SlackChatActivitiesImpl} can talk to Slack. */
  public boolean hasBotToken() {
    return botToken != null;
  }

  @Override
  public String toString() {
    return "SlackSettings[botToken="
        + (botToken == null ? "unset" : "***")
        + ", apiUrl="
        + apiUrl
        + ", privateChannels="
        + privateChannels
        + "]";
  }
}
