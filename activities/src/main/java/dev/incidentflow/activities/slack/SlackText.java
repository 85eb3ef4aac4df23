package dev.incidentflow.activities.slack;

/** Slack's text rules: mrkdwn control characters and per-field length limits. */
final class SlackText {

  private SlackText() {}

  /** Escapes the three characters Slack's mrkdwn treats as markup. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
