package dev.incidentflow.workflows.activities;

import dev.incidentflow.workflows.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formatting shared by the issues and messages about incidents, postmortems and action items. Pure.
 */
public final class TrackerText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TrackerText() {}

  public static String time(Instant at) {
    return TIME.format(at);
  }

  public static String shortTime(Instant at) {
    return SHORT.format(at);
  }

  /** {@code INC-42 (SEV2) on *checkout*: title}, the first line of an incident's issues. */
  public static String incidentLine(
      String incidentId, Severity severity, String service, String title) {
    return incidentId + " (" + severity + ") on *" + wiki(service) + "*: " + wiki(title);
  }

  /** {@code 1d 2h 5m}, {@code 45s}; never empty. */
  public static String duration(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    StringBuilder text = new StringBuilder();
    append(text, days, "d");
    append(text, hours, "h");
    append(text, minutes, "m");
    if (days == 0 && hours == 0) {
      append(text, rest, "s");
    }
    return text.length() == 0 ? "0s" : text.toString();
  }

  /**
   * Text safe inside Jira wiki markup and its tables: characters that open markup (links, macros,
   * bold, italics, images, superscript, subscript, underline, strikethrough and dashes) are
   * escaped, and line breaks become spaces so a table row stays one row.
   */
  public static String wiki(String text) {
    if (text == null || text.isEmpty()) {
      return " ";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '|', '{', '}', '[', ']', '*', '_', '!', '^', '~', '+', '\\' ->
            escaped.append('\\').append(c);
        // Inside a word (payments-api) a hyphen opens nothing; elsewhere it may strike or dash.
        case '-' -> {
          if (!insideWord(text, i)) {
            escaped.append('\\');
          }
          escaped.append(c);
        }
        case '\n', '\r' -> escaped.append(' ');
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static boolean insideWord(String text, int i) {
    return i > 0
        && i < text.length() - 1
        && Character.isLetterOrDigit(text.charAt(i - 1))
        && Character.isLetterOrDigit(text.charAt(i + 1));
  }

  /** A Jira label from free text: lowercase, whitespace to hyphens. */
  public static String label(String text) {
    return text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(amount).append(unit);
    }
  }
}
