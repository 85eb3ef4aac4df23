package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message back to the person who typed or clicked, as Slack takes it in a slash command's HTTP
 * answer and on {@code response_url}. Ephemeral: only they see it. {@code replace_original} is
 * false so that an answer to a button click never replaces the message carrying the buttons.
 */
public record SlackReply(
    @JsonProperty("response_type") String responseType,
    @JsonProperty("text") String text,
    @JsonProperty("replace_original") boolean replaceOriginal) {

  public SlackReply {
    requireNonNull(responseType, "responseType is null");
    requireNonNull(text, "text is null");
  }

  public static SlackReply ephemeral(String text) {
    return new SlackReply("ephemeral", text, false);
  }

  /** Escapes the three characters Slack's mrkdwn treats as markup, for text people wrote. */
  public static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
