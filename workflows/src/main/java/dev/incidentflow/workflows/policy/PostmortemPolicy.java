package dev.incidentflow.workflows.policy;

import java.time.Duration;

/**
 * Whether a postmortem is required and when it is due.
 *
 * @param due counted from resolution; null when not required
 */
public record PostmortemPolicy(boolean required, Duration due) {

  public PostmortemPolicy {
    if (required && due == null) {
      throw new IllegalArgumentException("postmortem.due is required when postmortem.required");
    }
    if (due != null && due.isNegative()) {
      throw new IllegalArgumentException("postmortem.due must not be negative: " + due);
    }
  }

  public static PostmortemPolicy none() {
    return new PostmortemPolicy(false, null);
  }
}
