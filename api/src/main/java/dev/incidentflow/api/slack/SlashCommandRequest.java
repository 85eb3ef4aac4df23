package dev.incidentflow.api.slack;

/**
 * The fields of a slash command post that IncidentFlow uses. Slack always sends them; a missing one
 * arrives as an empty string.
 *
 * @param text what was typed after the command
 * @param responseUrl where to post answers after the first three seconds
 */
public record SlashCommandRequest(
    String userId, String userName, String channelId, String text, String responseUrl) {

  public SlashCommandRequest {
    userId = orEmpty(userId);
    userName = orEmpty(userName);
    channelId = orEmpty(channelId);
    text = orEmpty(text);
    responseUrl = orEmpty(responseUrl);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
