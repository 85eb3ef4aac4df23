package dev.incidentflow.workflows.policy;

import static dev.incidentflow.workflows.model.IncidentStatus.ACKNOWLEDGED;
import static dev.incidentflow.workflows.model.IncidentStatus.CANCELED;
import static dev.incidentflow.workflows.model.IncidentStatus.CLOSED;
import static dev.incidentflow.workflows.model.IncidentStatus.IDENTIFIED;
import static dev.incidentflow.workflows.model.IncidentStatus.MITIGATED;
import static dev.incidentflow.workflows.model.IncidentStatus.RESOLVED;
import static dev.incidentflow.workflows.model.IncidentStatus.TRIGGERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EscalationPlanTest {
  private static final Instant START = Instant.parse("2025-03-03T10:00:00Z");
  private static final Policy POLICY = TestPolicies.defaults();

  private static EscalationPlan plan(Severity severity) {
    return new EscalationPlan(POLICY.row(severity).pagingChain(), START, 0);
  }

  private static EscalationPlan planAt(Severity severity, int nextStep) {
    return new EscalationPlan(POLICY.row(severity).pagingChain(), START, nextStep);
  }

  private static Instant at(int minutes) {
    return START.plus(Duration.ofMinutes(minutes));
  }

  /** The due time of every step, advancing through the whole chain of an untouched incident. */
  private static List<Instant> dueTimes(EscalationPlan plan) {
    List<Instant> due = new ArrayList<>();
    EscalationPlan walking = plan;
    while (walking.hasNextStep()) {
      due.add(walking.nextDueAt(TRIGGERED).orElseThrow());
      walking = walking.advance();
    }
    assertThat(walking.nextDueAt(TRIGGERED)).isEmpty();
    return due;
  }

  @Test
  void sev1StepsAreDueAtZeroFiveTenAndTwentyMinutesFromTheStart() {
    assertThat(dueTimes(plan(Severity.SEV1))).containsExactly(at(0), at(5), at(10), at(20));
  }

  @Test
  void sev2StepsAreDueAtZeroAndFifteenMinutesFromTheStart() {
    assertThat(dueTimes(plan(Severity.SEV2))).containsExactly(at(0), at(15));
  }

  @ParameterizedTest
  @EnumSource(
      value = Severity.class,
      names = {"SEV3", "SEV4"})
  void severitiesThatDoNotPageHaveNoSteps(Severity severity) {
    EscalationPlan plan = plan(severity);

    assertThat(plan.hasNextStep()).isFalse();
    assertThat(plan.nextDueAt(TRIGGERED)).isEmpty();
    assertThat(plan.isDue(TRIGGERED, at(600))).isFalse();
  }

  @Test
  void sev1ChainNotifiesWhomThePolicySays() {
    assertThat(POLICY.row(Severity.SEV1).pagingChain())
        .extracting(EscalationStep::targets)
        .containsExactly(
            List.of("oncall:primary"),
            List.of("oncall:secondary", "role:engineering-manager"),
            List.of("role:vp-engineering"),
            List.of("role:executive"));
    assertThat(POLICY.row(Severity.SEV2).pagingChain())
        .extracting(EscalationStep::targets)
        .containsExactly(List.of("oncall:primary"), List.of("role:engineering-manager"));
  }

  @Test
  void stepIsDueExactlyAtItsAfterAndNotAMillisecondEarlier() {
    EscalationPlan levelOne = planAt(Severity.SEV1, 1);

    assertThat(levelOne.isDue(TRIGGERED, at(5).minusMillis(1))).isFalse();
    assertThat(levelOne.isDue(TRIGGERED, at(5))).isTrue();
    assertThat(levelOne.isDue(TRIGGERED, at(7))).isTrue();
  }

  @Test
  void firstStepIsDueAtTheStart() {
    assertThat(plan(Severity.SEV1).isDue(TRIGGERED, START)).isTrue();
  }

  @Test
  void acknowledgedSkipsLevelOneAndOnlyLevelOne() {
    assertThat(planAt(Severity.SEV1, 1).decide(TRIGGERED)).isEqualTo(EscalationPlan.Decision.FIRE);
    assertThat(planAt(Severity.SEV1, 1).decide(ACKNOWLEDGED))
        .isEqualTo(EscalationPlan.Decision.SKIP);
    assertThat(planAt(Severity.SEV1, 2).decide(ACKNOWLEDGED))
        .isEqualTo(EscalationPlan.Decision.FIRE);
    assertThat(planAt(Severity.SEV1, 3).decide(ACKNOWLEDGED))
        .isEqualTo(EscalationPlan.Decision.FIRE);
  }

  @Test
  void identifiedSkipsLevelTwoAndEveryEarlierConditionalStep() {
    assertThat(planAt(Severity.SEV1, 1).decide(IDENTIFIED)).isEqualTo(EscalationPlan.Decision.SKIP);
    assertThat(planAt(Severity.SEV1, 2).decide(IDENTIFIED)).isEqualTo(EscalationPlan.Decision.SKIP);
    assertThat(planAt(Severity.SEV1, 3).decide(IDENTIFIED)).isEqualTo(EscalationPlan.Decision.FIRE);
  }

  @Test
  void mitigatedHasReachedIdentifiedSoLevelTwoIsSkipped() {
    assertThat(planAt(Severity.SEV1, 2).decide(MITIGATED)).isEqualTo(EscalationPlan.Decision.SKIP);
    assertThat(planAt(Severity.SEV1, 3).decide(MITIGATED)).isEqualTo(EscalationPlan.Decision.FIRE);
  }

  @ParameterizedTest
  @EnumSource(IncidentStatus.class)
  void stepWithoutUnlessFiresWhateverTheStatus(IncidentStatus status) {
    assertThat(plan(Severity.SEV1).decide(status)).isEqualTo(EscalationPlan.Decision.FIRE);
  }

  @ParameterizedTest
  @EnumSource(
      value = IncidentStatus.class,
      names = {"RESOLVED", "CLOSED", "CANCELED"})
  void resolvedClosedOrCanceledIncidentHasNoStepDue(IncidentStatus status) {
    for (int step = 0; step < 4; step++) {
      EscalationPlan plan = planAt(Severity.SEV1, step);
      assertThat(plan.nextDueAt(status)).isEmpty();
      assertThat(plan.isDue(status, at(600))).isFalse();
    }
  }

  @Test
  void canceledDoesNotCountAsHavingReachedAnyUnless() {
    assertThat(planAt(Severity.SEV1, 1).decide(CANCELED)).isEqualTo(EscalationPlan.Decision.FIRE);
    assertThat(planAt(Severity.SEV1, 3).decide(CLOSED)).isEqualTo(EscalationPlan.Decision.SKIP);
    assertThat(planAt(Severity.SEV1, 3).decide(RESOLVED)).isEqualTo(EscalationPlan.Decision.SKIP);
  }

  @Test
  void finishedChainHasNothingDue() {
    EscalationPlan done = planAt(Severity.SEV1, 4);

    assertThat(done.hasNextStep()).isFalse();
    assertThat(done.nextDueAt(TRIGGERED)).isEmpty();
    assertThat(done.isDue(TRIGGERED, at(600))).isFalse();
  }

  @Test
  void replanningFromSev2ToSev1KeepsTheStepsAlreadyRunDone() {
    EscalationPlan sev1 =
        planAt(Severity.SEV2, 1).replan(POLICY.row(Severity.SEV1).pagingChain(), 1);

    assertThat(sev1.nextStep()).isEqualTo(1);
    assertThat(sev1.nextDueAt(TRIGGERED)).contains(at(5));
    assertThat(sev1.startedAt()).isEqualTo(START);
  }

  @Test
  void replanningOntoAShorterChainEndsIt() {
    EscalationPlan sev2 =
        planAt(Severity.SEV1, 3).replan(POLICY.row(Severity.SEV2).pagingChain(), 3);

    assertThat(sev2.nextStep()).isEqualTo(2);
    assertThat(sev2.hasNextStep()).isFalse();
  }

  @Test
  void replanningOntoASeverityThatDoesNotPageLeavesNothingDue() {
    EscalationPlan sev3 =
        planAt(Severity.SEV2, 1).replan(POLICY.row(Severity.SEV3).pagingChain(), 1);

    assertThat(sev3.hasNextStep()).isFalse();
    assertThat(sev3.nextDueAt(TRIGGERED)).isEmpty();
  }

  @Test
  void replanningAfterASeverityThatDoesNotPageCountsTheStepsRunBeforeIt() {
    EscalationPlan sev3 =
        planAt(Severity.SEV1, 2).replan(POLICY.row(Severity.SEV3).pagingChain(), 2);

    EscalationPlan sev1Again = sev3.replan(POLICY.row(Severity.SEV1).pagingChain(), 2);

    assertThat(sev1Again.nextStep()).isEqualTo(2);
    assertThat(sev1Again.nextDueAt(TRIGGERED)).contains(at(10));
  }

  @Test
  void replanningAnIncidentThatNeverPagedStartsAtStepZero() {
    EscalationPlan sev1 = plan(Severity.SEV3).replan(POLICY.row(Severity.SEV1).pagingChain(), 0);

    assertThat(sev1.nextStep()).isZero();
    assertThat(sev1.isDue(TRIGGERED, at(2))).isTrue();
  }

  @Test
  void replanningByWhoWasCalledGoesBackToTheFirstStepThatCallsSomeoneNew() {
    // SEV2 ran step 0 (the primary) and step 1 (the manager); counted by steps, SEV1 would go on
    // at its step 2 and never call the secondary.
    List<String> called = List.of("oncall:primary", "role:engineering-manager");

    EscalationPlan sev1 =
        planAt(Severity.SEV2, 2).replan(POLICY.row(Severity.SEV1).pagingChain(), 2, called);

    assertThat(sev1.nextStep()).isEqualTo(1);
    assertThat(sev1.nextTargets()).containsExactly("oncall:secondary");
    assertThat(sev1.decide(TRIGGERED)).isEqualTo(EscalationPlan.Decision.FIRE);
    assertThat(sev1.decide(ACKNOWLEDGED)).isEqualTo(EscalationPlan.Decision.SKIP);
    assertThat(sev1.advance().nextTargets()).containsExactly("role:vp-engineering");
  }

  @Test
  void replanningByWhoWasCalledNeverGoesPastWhereCountingStepsWould() {
    EscalationPlan sev1 =
        planAt(Severity.SEV3, 0)
            .replan(POLICY.row(Severity.SEV1).pagingChain(), 1, List.of("oncall:primary"));

    assertThat(sev1.nextStep()).isEqualTo(1);
    assertThat(
            planAt(Severity.SEV2, 1)
                .replan(POLICY.row(Severity.SEV1).pagingChain(), 1, List.of("role:executive"))
                .nextStep())
        .isZero();
  }

  @Test
  void aStepWhoseTargetsWereAllCalledUnderAnEarlierSeverityIsSkipped() {
    List<String> called = List.of("oncall:primary", "role:executive");

    EscalationPlan sev1 =
        planAt(Severity.SEV2, 2).replan(POLICY.row(Severity.SEV1).pagingChain(), 2, called);
    EscalationPlan atStep3 = sev1.advance().advance();

    assertThat(atStep3.next().targets()).containsExactly("role:executive");
    assertThat(atStep3.nextTargets()).isEmpty();
    assertThat(atStep3.decide(TRIGGERED)).isEqualTo(EscalationPlan.Decision.SKIP);
    assertThat(atStep3.pastStepsCalledAlready().hasNextStep()).isFalse();
    assertThat(sev1.pastStepsCalledAlready()).isSameAs(sev1);
  }

  @Test
  void stepsOfOneChainThatRepeatTheirTargetsStillRunAsWritten() {
    List<EscalationStep> repeating =
        List.of(
            new EscalationStep(Duration.ZERO, null, List.of("oncall:primary")),
            new EscalationStep(Duration.ofMinutes(5), null, List.of("oncall:secondary")),
            new EscalationStep(Duration.ofMinutes(10), null, List.of("oncall:secondary")));

    EscalationPlan plan =
        planAt(Severity.SEV2, 1).replan(repeating, 1, List.of("oncall:primary")).advance();

    assertThat(plan.nextStep()).isEqualTo(2);
    assertThat(plan.nextTargets()).containsExactly("oncall:secondary");
    assertThat(plan.decide(TRIGGERED)).isEqualTo(EscalationPlan.Decision.FIRE);
  }

  @Test
  void aPlanCarriedFromBeforeItRecordedWhoWasCalledCallsEveryTarget() {
    EscalationPlan carried =
        new EscalationPlan(POLICY.row(Severity.SEV1).pagingChain(), START, 1, null);

    assertThat(carried.calledEarlier()).isEmpty();
    assertThat(carried.nextTargets())
        .containsExactly("oncall:secondary", "role:engineering-manager");
    assertThat(carried.decide(TRIGGERED)).isEqualTo(EscalationPlan.Decision.FIRE);
  }

  @Test
  void nextStepOutsideTheChainIsRejected() {
    List<EscalationStep> chain = POLICY.row(Severity.SEV1).pagingChain();

    assertThatThrownBy(() -> new EscalationPlan(chain, START, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nextStep out of range: 5");
    assertThatThrownBy(() -> new EscalationPlan(chain, START, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stepsOutOfOrderAreRejectedByTheSeverityRow() {
    List<EscalationStep> backwards =
        List.of(
            TestPolicies.step(5, null, "oncall:primary"),
            TestPolicies.step(0, null, "oncall:secondary"));

    assertThatThrownBy(
            () -> new SeverityPolicy("", List.of(), true, null, Duration.ZERO, backwards, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step 1 is earlier than step 0");
  }
}
