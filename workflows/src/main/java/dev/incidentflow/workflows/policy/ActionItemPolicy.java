package dev.incidentflow.workflows.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** How action items are chased after the incident. */
public record ActionItemPolicy(
    Duration remindBefore, Duration escalateAfterOverdue, Duration pollEvery) {

  public ActionItemPolicy {
    requireNonNull(remindBefore, "remindBefore is null");
    requireNonNull(escalateAfterOverdue, "escalateAfterOverdue is null");
    requireNonNull(pollEvery, "pollEvery is null");
    if (pollEvery.isZero() || pollEvery.isNegative()) {
      throw new IllegalArgumentException("actionItems.pollEvery must be positive");
    }
  }

  public static ActionItemPolicy defaults() {
    return new ActionItemPolicy(Duration.ofDays(2), Duration.ofDays(3), Duration.ofHours(6));
  }
}
