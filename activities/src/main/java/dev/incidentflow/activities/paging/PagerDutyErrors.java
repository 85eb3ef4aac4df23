package dev.incidentflow.activities.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.activities.RetryAfter;
import dev.incidentflow.workflows.activities.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides which PagerDuty failures Temporal retries: 400 (and other 4xx but 408
 * and 429) is a permanent {@link FailureType#PAGERDUTY_REJECTED}; 429, 5xx and network failures are
 * retried, after {@code Retry-After} when PagerDuty sent one.
 */
final class PagerDutyErrors {

  /** HTTP 429. Retryable. */
  static final String RATE_LIMITED = "PagerDutyRateLimited";

  /** HTTP 5xx, 408, network errors, timeouts, unexpected statuses. Retryable. */
  static final String UNAVAILABLE = "PagerDutyUnavailable";

  private PagerDutyErrors() {}

  /** The failure for a non-2xx answer. */
  static ApplicationFailure fromResponse(
      ObjectMapper json, int status, String body, String retryAfterHeader, Clock clock) {
    String message = "PagerDuty answered HTTP " + status + describe(json, body);
    if (status == 429) {
      return retryable(message, RATE_LIMITED, retryAfter(retryAfterHeader, clock), null);
    }
    if (status >= 400 && status < 500 && status != 408) {
      return ApplicationFailure.newNonRetryableFailure(
          message, FailureType.PAGERDUTY_REJECTED.name());
    }
    return retryable(message, UNAVAILABLE, retryAfter(retryAfterHeader, clock), null);
  }

  /** PagerDuty could not be reached, the connection broke or the request timed out. */
  static ApplicationFailure fromIo(IOException cause) {
    return retryable("PagerDuty request failed: " + cause, UNAVAILABLE, Optional.empty(), cause);
  }

  static ApplicationFailure interrupted(InterruptedException cause) {
    return retryable("PagerDuty request interrupted", UNAVAILABLE, Optional.empty(), cause);
  }

  static ApplicationFailure noRoutingKey(String dedupKey) {
    return ApplicationFailure.newNonRetryableFailure(
        "No PagerDuty routing key for event "
            + dedupKey
            + ": the event names none and PAGERDUTY_ROUTING_KEY is not set",
        FailureType.CONFIG_INVALID.name());
  }

  static Optional<Duration> retryAfter(String header, Clock clock) {
    return RetryAfter.parse(header, clock);
  }

  /** PagerDuty's error body: {@code {"status", "message", "errors": [...]}}. */
  private static String describe(ObjectMapper json, String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode node = json.readTree(body);
      List<String> parts = new ArrayList<>();
      if (node.hasNonNull("message")) {
        parts.add(node.get("message").asText());
      }
      if (node.path("errors").isArray()) {
        for (JsonNode error : node.get("errors")) {
          parts.add(error.asText());
        }
      }
      if (!parts.isEmpty()) {
        return ": " + String.join("; ", parts);
      }
    } catch (IOException notJson) {
      // Fall through to the raw body: a proxy's HTML error page still says something useful.
    }
    return ": " + (body.length() > 500 ? body.substring(0, 500) + "\u2026" : body);
  }

  private static ApplicationFailure retryable(
      String message, String type, Optional<Duration> delay, Throwable cause) {
    return RetryAfter.retryable(message, type, delay, cause);
  }
}
