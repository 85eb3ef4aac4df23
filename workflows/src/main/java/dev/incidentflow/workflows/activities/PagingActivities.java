package dev.incidentflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/**
 * Pages people through PagerDuty Events API v2. A 400 fails with {@link
 * FailureType#PAGERDUTY_REJECTED} (not retried); 429 and 5xx are retried.
 */
@ActivityInterface
public interface PagingActivities {

  /**
   * Sends the event. Idempotent through PagerDuty's {@code dedup_key}: sending the same trigger
   * twice leaves one open alert.
   */
  void send(PagerEvent event);
}
