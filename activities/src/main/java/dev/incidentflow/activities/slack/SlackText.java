package dev.incidentflow.activities.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Slack's text rules: mrkdwn control characters and per-field length limits. */
final class SlackText {

  /**
   * A mention of a user or channel as Slack writes it in what people type ({@code <@U123|alice>},
   * {@code <#C123|general>}) and as the workflows write mentions ({@code <@U123>}).
   */
  private static final Pattern MENTION = Pattern.compile("<(?:@[UW]|#C)[A-Z0-9]+(?:\\|[^<>|&]*)?>");

  private SlackText() {}

  /** Escapes the three characters Slack's mrkdwn treats as markup. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Escapes a message that mixes what people and alerts wrote with the mentions the workflows add.
   * User and channel mentions stay mentions; all other markup is shown as written, so an alert
   * title cannot ping {@code <!channel>} or disguise a link as {@code <https://evil|Runbook>}.
   * Links of our own are built after escaping, as {@link BriefingBlocks} does.
   */
  static String escapeKeepingMentions(String text) {
    Matcher mention = MENTION.matcher(text);
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    int from = 0;
    while (mention.find()) {
      escaped.append(escape(text.substring(from, mention.start()))).append(mention.group());
      from = mention.end();
    }
    return escaped.append(escape(text.substring(from))).toString();
  }

  /**
   * Cuts text to at most {@code max} chars, ending in an ellipsis, so Slack accepts it instead of
   * failing the whole call with {@code invalid_blocks} or {@code too_long}. Never splits a
   * surrogate pair.
   */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }
}
