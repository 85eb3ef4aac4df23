package dev.incidentflow.activities;

import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Honouring a service's {@code Retry-After}: Slack, PagerDuty and Jira all send one with 429 (and
 * some 503s), and the activity's next attempt should wait exactly that long.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * {@code Retry-After} is either delta-seconds or an HTTP date (RFC 9110); anything else is
   * ignored, leaving the delay to the activity's retry policy.
   */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration delay =
            Duration.between(
                clock.instant(),
                ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** A retryable failure whose next attempt waits {@code delay} when the service named one. */
  public static ApplicationFailure retryable(
      String message, String type, Optional<Duration> delay, Throwable cause) {
    ApplicationFailure.Builder builder =
        ApplicationFailure.newBuilder().setMessage(message).setType(type).setNonRetryable(false);
    delay.ifPresent(builder::setNextRetryDelay);
    if (cause != null) {
      builder.setCause(cause);
    }
    return builder.build();
  }
}
