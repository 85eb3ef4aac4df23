package dev.incidentflow.workflows.policy;

import java.time.Duration;

/**
 * Whether a postmortem is required, when it is due and when the commander is reminded.
 *
 * @param due counted from resolution; null when not required
 * @param remindBefore how long before {@code due} the commander is reminded; 4h when not given
 */
public record PostmortemPolicy(boolean required, Duration due, Duration remindBefore) {

  /** The reminder lead time when the policy names none. */
  public static final Duration DEFAULT_REMIND_BEFORE = Duration.ofHours(4);

  public PostmortemPolicy {
    if (required && due == null) {
      throw new IllegalArgumentException("postmortem.due is required when postmortem.required");
    }
    if (due != null && due.isNegative()) {
      throw new IllegalArgumentException("postmortem.due must not be negative: " + due);
    }
    remindBefore = remindBefore == null ? DEFAULT_REMIND_BEFORE : remindBefore;
    if (remindBefore.isNegative()) {
      throw new IllegalArgumentException(
          "postmortem.remindBefore must not be negative: " + remindBefore);
    }
  }

  /** A policy that reminds {@link #DEFAULT_REMIND_BEFORE} ahead. */
  public PostmortemPolicy(boolean required, Duration due) {
    this(required, due, null);
  }

  public static PostmortemPolicy none() {
    return new PostmortemPolicy(false, null);
  }
}
