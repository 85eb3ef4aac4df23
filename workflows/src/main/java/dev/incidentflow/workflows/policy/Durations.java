package dev.incidentflow.workflows.policy;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the policy's duration forms ({@code 30s}, {@code 5m}, {@code 24h}, {@code 2d}). */
public final class Durations {
  private static final Pattern FORM =
      Pattern.compile(
          "\\s*(\\d+)\\s*(ms|s|m|h|d|milliseconds?|seconds?|minutes?|hours?|days?)\\s*");

  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the text when it is not a non-negative duration
   */
  public static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("duration is missing");
    }
    Matcher matcher = FORM.matcher(text.toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (use forms like 30s, 5m, 24h, 2d)");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2);
    if (unit.startsWith("ms") || unit.startsWith("milli")) {
      return Duration.ofMillis(amount);
    }
    return switch (unit.charAt(0)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException("unknown unit in '" + text + "'");
    };
  }

  /** The shortest form {@link #parse} reads back, e.g. {@code 15m}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 86_400_000 == 0 && millis != 0) {
      return millis / 86_400_000 + "d";
    }
    if (millis % 3_600_000 == 0 && millis != 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis != 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
