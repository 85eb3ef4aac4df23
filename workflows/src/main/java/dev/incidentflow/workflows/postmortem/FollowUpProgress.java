package dev.incidentflow.workflows.postmortem;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * How far chasing has got; carried across continue-as-new.
 *
 * @param repeats how many weekly repeats have gone out since the escalation
 * @param lastPolledAt when the tracker was last asked (or chasing started)
 */
public record FollowUpProgress(
    boolean reminded, boolean overdue, boolean escalated, int repeats, Instant lastPolledAt) {

  public FollowUpProgress {
    requireNonNull(lastPolledAt, "lastPolledAt is null");
    if (repeats < 0) {
      throw new IllegalArgumentException("repeats must not be negative: " + repeats);
    }
  }

  /** This progress with {@code repeats} repeats made. */
  public FollowUpProgress withRepeats(int repeats) {
    return new FollowUpProgress(reminded, overdue, escalated, repeats, lastPolledAt);
  }

  /** The progress once {@code step} has been carried out at {@code now}. */
  public FollowUpProgress after(FollowUpStep step, Instant now) {
    return switch (step) {
      case REMIND -> new FollowUpProgress(true, overdue, escalated, repeats, lastPolledAt);
      case OVERDUE -> new FollowUpProgress(true, true, escalated, repeats, lastPolledAt);
      case ESCALATE -> new FollowUpProgress(reminded, overdue, true, repeats, lastPolledAt);
      case REPEAT -> new FollowUpProgress(reminded, overdue, escalated, repeats + 1, lastPolledAt);
      case POLL -> new FollowUpProgress(reminded, overdue, escalated, repeats, now);
    };
  }
}
