package dev.incidentflow.activities.tracker;

import dev.incidentflow.activities.RetryAfter;
import dev.incidentflow.workflows.activities.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The one place that decides which Jira failures Temporal retries: 429, 503 (any 5xx, 408) and
 * network failures are retried, after Jira's {@code Retry-After} when it sent one; any other 4xx is
 * a permanent {@link FailureType#JIRA_REJECTED} whose message names the fields Jira refused.
 */
final class JiraErrors {

  /** HTTP 429. Retryable. */
  static final String RATE_LIMITED = "JiraRateLimited";

  /** HTTP 5xx, 408, network errors, timeouts. Retryable. */
  static final String UNAVAILABLE = "JiraUnavailable";

  private JiraErrors() {}

  static ApplicationFailure toFailure(JiraException e, Clock clock) {
    int status = e.status();
    if (status == 429) {
      return retryable(e, RATE_LIMITED, retryAfter(e.retryAfter(), clock));
    }
    if (status == 0 || status == 408 || status >= 500) {
      return retryable(e, UNAVAILABLE, retryAfter(e.retryAfter(), clock));
    }
    return ApplicationFailure.newNonRetryableFailure(
        e.getMessage(), FailureType.JIRA_REJECTED.name());
  }

  static Optional<Duration> retryAfter(String header, Clock clock) {
    return RetryAfter.parse(header, clock);
  }

  private static ApplicationFailure retryable(
      JiraException e, String type, Optional<Duration> delay) {
    ApplicationFailure.Builder builder =
        ApplicationFailure.newBuilder()
            .setMessage(e.getMessage())
            .setType(type)
            .setNonRetryable(false);
    delay.ifPresent(builder::setNextRetryDelay);
    if (e.getCause() != null) {
      builder.setCause(e.getCause());
    }
    return builder.build();
  }
}
