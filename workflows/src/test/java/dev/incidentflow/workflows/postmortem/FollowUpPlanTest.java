package dev.incidentflow.workflows.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FollowUpPlanTest {
  private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant DUE = Instant.parse("2026-03-06T00:00:00Z");
  private final FollowUpPlan plan =
      new FollowUpPlan(
          DUE, Duration.ofDays(2), Duration.ofDays(3), FollowUpPlan.WEEKLY, Duration.ofHours(6));

  @Test
  void nothingIsDueRightAfterTheStartAndTheFirstPollComesFirst() {
    FollowUpProgress progress = plan.start(START);

    assertThat(plan.dueStep(progress, START)).isEmpty();
    assertThat(plan.nextDeadline(progress)).isEqualTo(START.plus(Duration.ofHours(6)));
  }

  @Test
  void remindsBeforeTheDueTimeThenFlagsOverdueThenEscalatesThenRepeatsWeekly() {
    FollowUpProgress progress =
        new FollowUpProgress(false, false, false, 0, DUE.plus(Duration.ofDays(365)));

    assertThat(plan.nextDeadline(progress)).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
    assertThat(plan.dueStep(progress, Instant.parse("2026-03-04T00:00:00Z")))
        .contains(FollowUpStep.REMIND);
    progress = progress.after(FollowUpStep.REMIND, Instant.parse("2026-03-04T00:00:00Z"));

    assertThat(plan.nextDeadline(progress)).isEqualTo(DUE);
    assertThat(plan.dueStep(progress, DUE.minusSeconds(1))).isEmpty();
    assertThat(plan.dueStep(progress, DUE)).contains(FollowUpStep.OVERDUE);
    progress = progress.after(FollowUpStep.OVERDUE, DUE);

    assertThat(plan.nextDeadline(progress)).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
    progress = progress.after(FollowUpStep.ESCALATE, Instant.parse("2026-03-09T00:00:00Z"));

    assertThat(plan.nextDeadline(progress)).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
    progress = progress.after(FollowUpStep.REPEAT, Instant.parse("2026-03-16T00:00:00Z"));
    assertThat(plan.nextDeadline(progress)).isEqualTo(Instant.parse("2026-03-23T00:00:00Z"));
  }

  @Test
  void somethingAYearOverdueIsEscalatedOnceAndRepeatedAWeekLaterNotFiftyTwoTimesAtOnce() {
    Instant now = DUE.plus(Duration.ofDays(365));
    FollowUpProgress progress = plan.start(now);

    assertThat(plan.dueStep(progress, now)).contains(FollowUpStep.OVERDUE);
    progress = plan.after(progress, FollowUpStep.OVERDUE, now);
    assertThat(plan.dueStep(progress, now)).contains(FollowUpStep.ESCALATE);
    progress = plan.after(progress, FollowUpStep.ESCALATE, now);

    assertThat(plan.dueStep(progress, now)).isEmpty();
    // Escalated on 2026-03-09: the repeats are due on the 9th plus whole weeks.
    Instant nextRepeat = Instant.parse("2027-03-08T00:00:00Z");
    assertThat(plan.nextDeadline(progress.after(FollowUpStep.POLL, nextRepeat)))
        .isEqualTo(nextRepeat);
    assertThat(plan.dueStep(progress, nextRepeat)).contains(FollowUpStep.REPEAT);
    progress = plan.after(progress, FollowUpStep.REPEAT, nextRepeat);
    assertThat(plan.dueStep(progress.after(FollowUpStep.POLL, nextRepeat), nextRepeat)).isEmpty();
  }

  @Test
  void aRepeatMadeOnTimeCountsOneWhetherOrNotThePlanCountsTheMissed() {
    FollowUpProgress escalated = new FollowUpProgress(true, true, true, 0, DUE);
    Instant firstRepeat = Instant.parse("2026-03-16T00:00:00Z");

    assertThat(plan.after(escalated, FollowUpStep.REPEAT, firstRepeat))
        .isEqualTo(escalated.after(FollowUpStep.REPEAT, firstRepeat));
  }

  @Test
  void startingInsideTheReminderWindowSendsNoSeparateReminder() {
    Instant start = DUE.minus(Duration.ofHours(5));
    FollowUpProgress progress = plan.start(start);

    assertThat(progress.reminded()).isTrue();
    assertThat(plan.dueStep(progress, start)).isEmpty();
    assertThat(plan.nextDeadline(progress)).isEqualTo(DUE);
  }

  @Test
  void reminderThatComesDueOnlyAfterTheDueTimeIsSkippedForTheOverdueNotice() {
    FollowUpProgress progress =
        new FollowUpProgress(false, false, false, 0, DUE.plus(Duration.ofDays(30)));

    assertThat(plan.dueStep(progress, DUE.plus(Duration.ofDays(4)))).contains(FollowUpStep.OVERDUE);
    progress = progress.after(FollowUpStep.OVERDUE, DUE.plus(Duration.ofDays(4)));
    assertThat(plan.dueStep(progress, DUE.plus(Duration.ofDays(4))))
        .contains(FollowUpStep.ESCALATE);
  }

  @Test
  void pollingIsDueEveryPollPeriodAfterTheLastPoll() {
    FollowUpProgress progress = plan.start(START);
    Instant firstPoll = START.plus(Duration.ofHours(6));

    assertThat(plan.dueStep(progress, firstPoll)).contains(FollowUpStep.POLL);
    progress = progress.after(FollowUpStep.POLL, firstPoll);
    assertThat(plan.nextDeadline(progress)).isEqualTo(firstPoll.plus(Duration.ofHours(6)));
  }

  @Test
  void zeroEscalationDelayEscalatesTogetherWithTheOverdueNotice() {
    FollowUpPlan postmortem =
        new FollowUpPlan(
            DUE, Duration.ofHours(4), Duration.ZERO, FollowUpPlan.WEEKLY, Duration.ofHours(6));
    FollowUpProgress progress = new FollowUpProgress(true, false, false, 0, DUE);

    progress = progress.after(postmortem.dueStep(progress, DUE).orElseThrow(), DUE);
    assertThat(postmortem.dueStep(progress, DUE)).contains(FollowUpStep.ESCALATE);
  }

  @Test
  void pollingPeriodMustBePositive() {
    assertThatThrownBy(
            () ->
                new FollowUpPlan(
                    DUE, Duration.ZERO, Duration.ZERO, FollowUpPlan.WEEKLY, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pollEvery");
  }
}
