package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.FailureType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity options of the postmortem and action item workflows, the same as the incident
 * workflow's: transient faults are retried without limit (backoff capped at a minute, or Jira's
 * {@code Retry-After} when it sent one), so a Jira that is down for hours delays work and never
 * loses it; the permanent {@link FailureType}s are not retried.
 */
final class FollowUpActivityStubs {
  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setDoNotRetry(FailureType.names())
                  .build())
          .build();

  private FollowUpActivityStubs() {}

  static <T> T of(Class<T> activities) {
    return Workflow.newActivityStub(activities, OPTIONS);
  }
}
