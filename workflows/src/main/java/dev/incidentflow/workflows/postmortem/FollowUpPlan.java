package dev.incidentflow.workflows.postmortem;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When to chase something due at {@code dueAt}: remind {@code remindBefore} ahead, flag it overdue
 * at {@code dueAt}, escalate {@code escalateAfterOverdue} later, then repeat every {@code
 * repeatEvery} until it is done; ask the tracker every {@code pollEvery} throughout. Pure: the
 * workflows ask it what is due and when to wake up, and carry out the answer.
 */
public record FollowUpPlan(
    Instant dueAt,
    Duration remindBefore,
    Duration escalateAfterOverdue,
    Duration repeatEvery,
    Duration pollEvery) {

  /** Once escalated, people hear about it again every week until it is done. */
  public static final Duration WEEKLY = Duration.ofDays(7);

  public FollowUpPlan {
    requireNonNull(dueAt, "dueAt is null");
    requireNonNull(remindBefore, "remindBefore is null");
    requireNonNull(escalateAfterOverdue, "escalateAfterOverdue is null");
    requireNonNull(repeatEvery, "repeatEvery is null");
    requireNonNull(pollEvery, "pollEvery is null");
    if (remindBefore.isNegative() || escalateAfterOverdue.isNegative()) {
      throw new IllegalArgumentException(
          "remindBefore and escalateAfterOverdue must not be negative");
    }
    if (!isPositive(repeatEvery) || !isPositive(pollEvery)) {
      throw new IllegalArgumentException("repeatEvery and pollEvery must be positive");
    }
  }

  public Instant remindAt() {
    return dueAt.minus(remindBefore);
  }

  public Instant escalateAt() {
    return dueAt.plus(escalateAfterOverdue);
  }

  /**
   * The progress of chasing that starts at {@code now}. A reminder whose time has already come is
   * not sent: the first notice, sent now, says when it is due.
   */
  public FollowUpProgress start(Instant now) {
    return new FollowUpProgress(!now.isBefore(remindAt()), false, false, 0, now);
  }

  /**
   * The first step due at {@code now}, in the order remind, overdue, escalate, repeat, poll. A
   * reminder that comes due only after the due time itself (a worker down for days) is skipped.
   */
  public Optional<FollowUpStep> dueStep(FollowUpProgress progress, Instant now) {
    return pending(progress).stream()
        .filter(timed -> !timed.at().isAfter(now))
        .filter(timed -> timed.step() != FollowUpStep.REMIND || now.isBefore(dueAt))
        .map(Timed::step)
        .findFirst();
  }

  /**
   * The progress once {@code step} was carried out at {@code now}: as {@link
   * FollowUpProgress#after}, except that an escalation or a repeat carried out late (something
   * created long past its due time, a worker down for weeks) counts every repeat whose time has
   * passed as made. The next repeat then comes {@code repeatEvery} after the last one due, rather
   * than every missed one at once: an action item created a year overdue sent 52 of each notice in
   * a burst.
   */
  public FollowUpProgress after(FollowUpProgress progress, FollowUpStep step, Instant now) {
    FollowUpProgress next = progress.after(step, now);
    if ((step != FollowUpStep.ESCALATE && step != FollowUpStep.REPEAT)
        || !now.isAfter(escalateAt())) {
      return next;
    }
    long passed = Duration.between(escalateAt(), now).dividedBy(repeatEvery);
    return passed > next.repeats()
        ? next.withRepeats((int) Math.min(passed, Integer.MAX_VALUE))
        : next;
  }

  /** When the next step is due; polling makes there always be one. */
  public Instant nextDeadline(FollowUpProgress progress) {
    return pending(progress).stream().map(Timed::at).min(Comparator.naturalOrder()).orElseThrow();
  }

  private List<Timed> pending(FollowUpProgress progress) {
    List<Timed> steps = new ArrayList<>();
    if (!progress.reminded() && !progress.overdue()) {
      steps.add(new Timed(FollowUpStep.REMIND, remindAt()));
    }
    if (!progress.overdue()) {
      steps.add(new Timed(FollowUpStep.OVERDUE, dueAt));
    } else if (!progress.escalated()) {
      steps.add(new Timed(FollowUpStep.ESCALATE, escalateAt()));
    } else {
      steps.add(
          new Timed(
              FollowUpStep.REPEAT,
              escalateAt().plus(repeatEvery.multipliedBy(progress.repeats() + 1L))));
    }
    steps.add(new Timed(FollowUpStep.POLL, progress.lastPolledAt().plus(pollEvery)));
    return steps;
  }

  static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }

  private record Timed(FollowUpStep step, Instant at) {}
}
