package dev.incidentflow.workflows.incident;

import static dev.incidentflow.workflows.incident.StateDriver.minute;
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
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import dev.incidentflow.workflows.policy.Policy;
import dev.incidentflow.workflows.policy.TestPolicies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IncidentStateTest {

  private static Transition by(String who) {
    return new Transition(who, "");
  }

  private static SeverityChange severity(Severity severity, String who) {
    return new SeverityChange(severity, who, "");
  }

  private static AlertEvent firingAt(Instant now) {
    return firing(Severity.SEV1, now);
  }

  /** A firing delivery of the group whose alerts started {@code starts} minutes in. */
  private static AlertEvent firingStarted(Instant now, double... starts) {
    return new AlertEvent(
        true,
        "alertmanager",
        "group-1",
        "Checkout error budget burn",
        "critical",
        Severity.SEV1,
        now,
        starts.length,
        Map.of(),
        List.of(),
        java.util.Arrays.stream(starts).mapToObj(StateDriver::minute).toList(),
        List.of());
  }

  private static AlertEvent resolvedAt(Instant now) {
    return new AlertEvent(
        false,
        "alertmanager",
        "group-1",
        "Checkout error budget burn",
        "critical",
        null,
        now,
        1,
        Map.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static AlertEvent firing(Severity severity, Instant now) {
    return new AlertEvent(
        true,
        "alertmanager",
        "group-1",
        "Checkout error budget burn",
        severity.name(),
        severity,
        now,
        1,
        Map.of(),
        List.of(),
        List.of(),
        List.of());
  }

  // ---- escalation over the default policy --------------------------------------------------

  @Test
  void unacknowledgedSev1RunsEveryStepAtItsAfter() {
    StateDriver driver = StateDriver.declared(Severity.SEV1).advanceTo(60);

    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 0s", "step 1 at 5m", "step 2 at 10m", "step 3 at 20m");
    assertThat(driver.effects(Effect.RunEscalationStep.class))
        .extracting(Effect.RunEscalationStep::targets)
        .containsExactly(
            List.of("oncall:primary"),
            List.of("oncall:secondary", "role:engineering-manager"),
            List.of("role:vp-engineering"),
            List.of("role:executive"));
    assertThat(driver.state.escalationLevel()).isEqualTo(3);
  }

  @Test
  void firstPageIsRecordedAsPagedAndLaterStepsAsEscalatedWithTheirLevel() {
    StateDriver driver = StateDriver.declared(Severity.SEV1).advanceTo(25);

    assertThat(driver.events(TimelineEventType.PAGED))
        .singleElement()
        .satisfies(
            paged -> {
              assertThat(paged.text()).isEqualTo("Paged alice");
              assertThat(paged.data())
                  .containsEntry("level", "0")
                  .containsEntry("notified", "alice");
            });
    assertThat(driver.events(TimelineEventType.ESCALATED))
        .extracting(TimelineEvent::text)
        .containsExactly(
            "Escalated to level 1: paged bob, dana (not acknowledged after 5m)",
            "Escalated to level 2: paged erin (not identified after 10m)",
            "Escalated to level 3: paged frank (not resolved after 20m)");
    assertThat(driver.events(TimelineEventType.ESCALATED))
        .extracting(event -> event.data().get("level"))
        .containsExactly("1", "2", "3");
  }

  @Test
  void acknowledgingAtFourMinutesSkipsLevelOneOnly() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(4, (state, now) -> state.advance(ACKNOWLEDGED, by("bob"), now))
            .advanceTo(60);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 2 at 10m", "step 3 at 20m");
  }

  @Test
  void identifyingSkipsLevelTwoAsWell() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(4, (state, now) -> state.advance(ACKNOWLEDGED, by("bob"), now))
            .at(9, (state, now) -> state.advance(IDENTIFIED, by("bob"), now))
            .advanceTo(60);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 3 at 20m");
  }

  @Test
  void identifyingWithoutAcknowledgingFirstSkipsLevelsOneAndTwo() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(3, (state, now) -> state.advance(IDENTIFIED, by("alice"), now))
            .advanceTo(60);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 3 at 20m");
    assertThat(driver.state.reachedAt(ACKNOWLEDGED)).contains(minute(3));
  }

  @Test
  void resolvingStopsEveryRemainingStep() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(4, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .advanceTo(33);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s");
    assertThat(driver.state.escalation().nextDueAt(driver.state.status())).isEmpty();
    assertThat(driver.state.nextDeadline()).contains(minute(34));
  }

  @Test
  void unacknowledgedSev2PagesTheEngineeringManagerAtFifteenMinutes() {
    StateDriver driver = StateDriver.declared(Severity.SEV2).advanceTo(60);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 1 at 15m");
    assertThat(driver.effects(Effect.RunEscalationStep.class).get(1).targets())
        .containsExactly("role:engineering-manager");
    assertThat(driver.events(TimelineEventType.ESCALATED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo("Escalated to level 1: paged dana (not acknowledged after 15m)");
  }

  @Test
  void acknowledgedSev2NeverReachesTheEngineeringManager() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(14, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .advanceTo(120);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s");
  }

  @ParameterizedTest
  @EnumSource(
      value = Severity.class,
      names = {"SEV3", "SEV4"})
  void severitiesThatDoNotPageNeverPageNorNag(Severity severity) {
    StateDriver driver = StateDriver.declared(severity).advanceTo(600);

    assertThat(driver.stepsRun()).isEmpty();
    assertThat(driver.events(TimelineEventType.UPDATE_OVERDUE)).isEmpty();
    assertThat(driver.state.nextDeadline()).isEmpty();
    assertThat(driver.state.escalationLevel()).isZero();
    assertThat(driver.state.nextUpdateDue()).isNull();
  }

  @Test
  void stepWhoseTargetsResolveToNobodyIsRecordedAsSuchAndTheChainMovesOn() {
    Policy policy =
        TestPolicies.withSev1Chain(
            TestPolicies.step(0, null, "oncall:primary"),
            TestPolicies.step(5, ACKNOWLEDGED, "role:nobody-home"),
            TestPolicies.step(10, IDENTIFIED, "role:vp-engineering"));
    StateDriver driver = StateDriver.declared(Severity.SEV1, policy).advanceTo(12);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 1 at 5m", "step 2 at 10m");
    assertThat(driver.events(TimelineEventType.ESCALATED))
        .extracting(TimelineEvent::text)
        .containsExactly(
            "Escalated to level 1: paged nobody (role:nobody-home resolved to nobody) (not acknowledged after 5m)",
            "Escalated to level 2: paged erin (not identified after 10m)");
    assertThat(driver.state.pages())
        .extracting(IncidentState.PageKey::dedupKey)
        .containsExactly("incidentflow-INC-1-step-0", "incidentflow-INC-1-step-2");
  }

  // ---- manual escalation --------------------------------------------------------------------

  @Test
  void manualEscalateRunsTheNextStepNowAndItsTimerDoesNotRunItAgain() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(
                2,
                (state, now) ->
                    state.escalateNow(new Transition("alice", "need the database team")))
            .advanceTo(60);

    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 0s", "step 1 at 2m", "step 2 at 10m", "step 3 at 20m");
    assertThat(driver.events(TimelineEventType.ESCALATED).get(0).text())
        .isEqualTo(
            "Escalated to level 1: paged bob, dana (escalated by alice: need the database team)");
  }

  @Test
  void manualEscalateRunsTheNextStepEvenWhenItsUnlessWasReached() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(2, (state, now) -> state.escalateNow(by("alice")));

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 1 at 2m");
  }

  @Test
  void manualEscalateIsRefusedOnceTheChainIsDone() {
    StateDriver driver = StateDriver.opened(Severity.SEV1).advanceTo(21);

    assertThat(driver.state.refusalOfEscalate())
        .contains("INC-1 has run every step of its escalation chain");
    assertThatThrownBy(() -> driver.state.escalateNow(by("alice")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("INC-1 has run every step of its escalation chain");
  }

  @ParameterizedTest
  @EnumSource(
      value = Severity.class,
      names = {"SEV3", "SEV4"})
  void manualEscalateIsRefusedWhenTheSeverityDoesNotPage(Severity severity) {
    StateDriver driver = StateDriver.opened(severity);

    assertThat(driver.state.refusalOfEscalate())
        .contains(severity + " does not page; raise the severity to escalate");
  }

  @Test
  void manualEscalateIsRefusedOnceResolved() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(1, (state, now) -> state.advance(RESOLVED, by("alice"), now));

    assertThat(driver.state.refusalOfEscalate())
        .contains("INC-1 is resolved; only an open incident escalates");
  }

  // ---- severity changes ---------------------------------------------------------------------

  @Test
  void raisingSev2ToSev1KeepsStepZeroDoneAndFiresTheStepsAlreadyDue() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(7, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now))
            .advanceTo(60);

    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 0s", "step 1 at 7m", "step 2 at 10m", "step 3 at 20m");
    assertThat(driver.effects(Effect.RunEscalationStep.class).get(1).targets())
        .containsExactly("oncall:secondary", "role:engineering-manager");
  }

  @Test
  void raisingAnAcknowledgedSev2ToSev1StillSkipsLevelOne() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(3, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(7, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now))
            .advanceTo(60);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 2 at 10m", "step 3 at 20m");
  }

  @Test
  void raisingSev2ToSev1AfterItsManagerWasPagedCallsTheSecondaryAtOnceAndGoesOn() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV2)
            .replanningByWhoWasCalled()
            .at(16, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now))
            .advanceTo(60);

    assertThat(driver.stepsRun())
        .containsExactly(
            "step 0 at 0s", "step 1 at 15m", "step 1 at 16m", "step 2 at 16m", "step 3 at 20m");
    assertThat(driver.effects(Effect.RunEscalationStep.class))
        .extracting(Effect.RunEscalationStep::targets)
        .containsExactly(
            List.of("oncall:primary"),
            List.of("role:engineering-manager"),
            List.of("oncall:secondary"),
            List.of("role:vp-engineering"),
            List.of("role:executive"));
  }

  @Test
  void aChannelOpenedUnderTheSeverityItHadBeforeAChangeIsRenamed() {
    IncidentState state =
        IncidentState.declare(
            TestIncidents.alert("group-1", Severity.SEV3),
            "alert-1",
            "run-1",
            TestPolicies.defaults(),
            minute(0));
    state.numbered(1);
    state.renameChannelWithSeverity();
    state.followSeverityWhileOpening();
    state.changeSeverity(severity(Severity.SEV1, "alice"), minute(0));
    state.takeEffects();

    state.channelOpened("C100", "inc-1-sev3-checkout-error-budget-burn", minute(0));

    assertThat(state.takeEffects())
        .containsExactly(new Effect.RenameChannel("inc-1-sev1-checkout-error-budget-burn"));
  }

  @Test
  void anUnacknowledgedSev1LoweredToSev3ResolvesItsPagesAndRaisedAgainPagesAgain() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV1)
            .replanningByWhoWasCalled()
            .resolvingPagesWhenUnpaged()
            .at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV3, "alice"), now));

    assertThat(driver.timesOf(Effect.ResolvePages.class)).containsExactly("2m");
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .contains("SEV3 pages nobody: the pages of INC-1 are resolved");

    driver
        .at(4, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "alice"), now))
        .advanceTo(6);
    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 0 at 4m", "step 1 at 5m");
  }

  @Test
  void anAcknowledgedSev1LoweredToSev3ResolvesItsPagesAndRaisedAgainCallsOnlyWhomItHasNot() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV1)
            .replanningByWhoWasCalled()
            .resolvingPagesWhenUnpaged()
            .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV3, "alice"), now))
            .at(4, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "alice"), now))
            .advanceTo(11);

    assertThat(driver.timesOf(Effect.ResolvePages.class)).containsExactly("2m");
    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 2 at 10m");
  }

  @Test
  void anIncidentAcknowledgedAfterItsPagesWereResolvedIsNotPagedAgainWhenRaised() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV1)
            .replanningByWhoWasCalled()
            .resolvingPagesWhenUnpaged()
            .at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV3, "alice"), now))
            .at(3, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(4, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "alice"), now))
            .advanceTo(6);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s");
  }

  @Test
  void loweringAResolvedIncidentLeavesItsPagesAsTheResolveLeftThem() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV1)
            .replanningByWhoWasCalled()
            .resolvingPagesWhenUnpaged()
            .at(2, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .at(3, (state, now) -> state.changeSeverity(severity(Severity.SEV3, "alice"), now));

    assertThat(driver.timesOf(Effect.ResolvePages.class)).containsExactly("2m");
  }

  @Test
  void loweringToASeverityThatStillPagesOrWithoutTheRuleLeavesThePagesOpen() {
    StateDriver stillPaging =
        StateDriver.declared(Severity.SEV1)
            .replanningByWhoWasCalled()
            .resolvingPagesWhenUnpaged()
            .at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV2, "alice"), now));
    StateDriver before =
        StateDriver.declared(Severity.SEV1)
            .replanningByWhoWasCalled()
            .at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV3, "alice"), now));

    assertThat(stillPaging.effects(Effect.ResolvePages.class)).isEmpty();
    assertThat(before.effects(Effect.ResolvePages.class)).isEmpty();
  }

  @Test
  void aStepThatReachesNobodyRunsTheNextStepAtOnceWhileUnacknowledged() {
    Policy policy =
        TestPolicies.withSev1Chain(
            TestPolicies.step(0, null, "role:nobody-home"),
            TestPolicies.step(5, ACKNOWLEDGED, "role:nobody-either"),
            TestPolicies.step(10, ACKNOWLEDGED, "oncall:secondary"),
            TestPolicies.step(20, IDENTIFIED, "role:vp-engineering"));
    StateDriver driver =
        StateDriver.declared(Severity.SEV1, policy).escalatingPastNobody().advanceTo(30);
    StateDriver before = StateDriver.declared(Severity.SEV1, policy).advanceTo(30);

    // Steps 0 and 1 reach nobody: step 2 reaches bob at once; step 3 keeps its time.
    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 0s", "step 1 at 0s", "step 2 at 0s", "step 3 at 20m");
    assertThat(driver.events(TimelineEventType.ESCALATED))
        .extracting(TimelineEvent::text)
        .first()
        .isEqualTo(
            "Escalated to level 1: paged nobody (role:nobody-either resolved to nobody)"
                + " (nobody was reached at level 0)");
    assertThat(before.stepsRun())
        .containsExactly("step 0 at 0s", "step 1 at 5m", "step 2 at 10m", "step 3 at 20m");
  }

  @Test
  void onceSomebodyWasReachedAStepThatReachesNobodyKeepsTheChainsTimes() {
    Policy policy =
        TestPolicies.withSev1Chain(
            TestPolicies.step(0, null, "role:nobody-home"),
            TestPolicies.step(5, ACKNOWLEDGED, "role:engineering-manager"),
            TestPolicies.step(10, ACKNOWLEDGED, "role:nobody-either"),
            TestPolicies.step(15, ACKNOWLEDGED, "role:vp-engineering"));
    StateDriver driver =
        StateDriver.declared(Severity.SEV1, policy).escalatingPastNobody().advanceTo(16);

    // Level 0 reached nobody: the manager at once. Level 2 reaching nobody leaves the VP at 15m,
    // for the manager can acknowledge.
    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 0s", "step 1 at 0s", "step 2 at 10m", "step 3 at 15m");
  }

  @Test
  void aStepThatReachesNobodyAmongStepsRunTogetherPullsNoLaterStepForward() {
    Policy policy =
        TestPolicies.withSev1Chain(
            TestPolicies.step(0, null, "role:nobody-home"),
            TestPolicies.step(5, ACKNOWLEDGED, "role:engineering-manager"),
            TestPolicies.step(10, IDENTIFIED, "role:vp-engineering"),
            TestPolicies.step(20, RESOLVED, "role:executive"));
    StateDriver driver =
        StateDriver.declared(Severity.SEV3, policy)
            .replanningByWhoWasCalled()
            .escalatingPastNobody()
            .at(12, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "alice"), now))
            .advanceTo(21);

    // Raised at 12m, SEV1's steps 0 to 2 were due together; the executive keeps 20m.
    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 12m", "step 1 at 12m", "step 2 at 12m", "step 3 at 20m");
  }

  @Test
  void aStepThatReachesNobodyOnceAcknowledgedWaitsForTheNext() {
    Policy policy =
        TestPolicies.withSev1Chain(
            TestPolicies.step(0, null, "oncall:primary"),
            TestPolicies.step(5, null, "role:nobody-home"),
            TestPolicies.step(10, null, "role:vp-engineering"));
    StateDriver driver =
        StateDriver.declared(Severity.SEV1, policy)
            .escalatingPastNobody()
            .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .advanceTo(11);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 1 at 5m", "step 2 at 10m");
  }

  @Test
  void aTargetThatResolvedToNobodyIsCalledAgainAfterASeverityChange() {
    Policy policy =
        TestPolicies.withSev1Chain(
            TestPolicies.step(0, null, "oncall:primary"),
            TestPolicies.step(5, ACKNOWLEDGED, "role:nobody-home"));
    StateDriver driver =
        StateDriver.declared(Severity.SEV1, policy)
            .replanningByWhoWasCalled()
            .at(6, (state, now) -> state.changeSeverity(severity(Severity.SEV2, "alice"), now))
            .at(7, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "alice"), now))
            .advanceTo(8);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 1 at 5m", "step 1 at 7m");
  }

  @Test
  void manualEscalateAfterASeverityChangeSkipsTheStepsWithNobodyNewAndIsRefusedWhenNoneIsLeft() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV1)
            .replanningByWhoWasCalled()
            .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(6, (state, now) -> state.escalateNow(by("alice")))
            .at(7, (state, now) -> state.changeSeverity(severity(Severity.SEV2, "alice"), now))
            .at(8, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "alice"), now))
            .advanceTo(8);

    // SEV1's step 1 was skipped (acknowledged) and step 2, the VP, was called by hand at 6m: the
    // next step with somebody new is step 3.
    int step = driver.state.escalateNow(by("alice"));
    driver.perform();

    assertThat(step).isEqualTo(3);
    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 2 at 6m", "step 3 at 8m");
    assertThat(driver.effects(Effect.RunEscalationStep.class).get(2).targets())
        .containsExactly("role:executive");
    assertThat(driver.state.refusalOfEscalate())
        .contains("INC-1 has run every step of its escalation chain");
  }

  @Test
  void
      raisingSev2ToSev1AfterItsSecondStepContinuesFromTheThirdInRunsFromBeforeReplanByWhoWasCalled() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(16, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now))
            .advanceTo(60);

    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 0s", "step 1 at 15m", "step 2 at 16m", "step 3 at 20m");
  }

  @Test
  void loweringSev1ToSev2AfterLevelOneDoesNotPageTheEngineeringManagerAgain() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(6, (state, now) -> state.changeSeverity(severity(Severity.SEV2, "alice"), now))
            .advanceTo(60);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 1 at 5m");
  }

  @Test
  void loweringSev2ToSev3StopsPagingAndNagging() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(7, (state, now) -> state.changeSeverity(severity(Severity.SEV3, "alice"), now))
            .advanceTo(600);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s");
    assertThat(driver.events(TimelineEventType.UPDATE_OVERDUE)).isEmpty();
    assertThat(driver.state.nextDeadline()).isEmpty();
    assertThat(driver.state.refusalOfEscalate())
        .contains("SEV3 does not page; raise the severity to escalate");
  }

  @Test
  void raisingSev3ToSev1PagesStepZeroNowAndRunsTheChainFromTheStart() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV3)
            .at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "alice"), now))
            .advanceTo(6);

    assertThat(driver.stepsRun()).containsExactly("step 0 at 2m", "step 1 at 5m");
    assertThat(driver.events(TimelineEventType.PAGED)).hasSize(1);
  }

  @Test
  void severityRoundTripThroughANonPagingSeverityDoesNotPageAgain() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(6, (state, now) -> state.changeSeverity(severity(Severity.SEV3, "alice"), now))
            .at(8, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "alice"), now))
            .advanceTo(60);

    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 0s", "step 1 at 5m", "step 2 at 10m", "step 3 at 20m");
  }

  @Test
  void severityChangeIsRecordedAnnouncedAndRefreshesTheTopic() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(
                7,
                (state, now) ->
                    state.changeSeverity(
                        new SeverityChange(Severity.SEV1, "erin", "all regions"), now));

    assertThat(driver.events(TimelineEventType.SEVERITY_CHANGED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.by()).isEqualTo("erin");
              assertThat(event.text()).isEqualTo("Severity SEV2 -> SEV1 by erin: all regions");
              assertThat(event.data()).containsEntry("from", "SEV2").containsEntry("to", "SEV1");
            });
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .contains("INC-1 Severity SEV2 -> SEV1 by erin: all regions");
    assertThat(driver.effects(Effect.Announce.class))
        .extracting(Effect.Announce::text)
        .containsExactly(
            "INC-1 (checkout) Severity SEV2 -> SEV1 by erin: all regions: Checkout error budget burn");
    assertThat(driver.effects(Effect.RefreshTopic.class)).isNotEmpty();
    assertThat(driver.state.view().severity()).isEqualTo(Severity.SEV1);
  }

  @Test
  void raisingSeverityTightensTheUpdateCadenceFromTheLastUpdate() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(10, (state, now) -> state.statusUpdate(new Note("rolling back", "alice"), now))
            .at(12, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now))
            .advanceTo(30);

    assertThat(driver.state.nextUpdateDue()).isEqualTo(minute(25));
    assertThat(driver.timesOf(Effect.MentionInChannel.class)).containsExactly("25m");
  }

  // ---- status-update cadence ----------------------------------------------------------------

  @Test
  void raisingSev2ToSev1LateBringsOneNoticeForTheMissedPeriodsAndTellsTheManager() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(50, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now))
            .advanceTo(70);

    // SEV2's notice at 30m; at 50m SEV1's three missed periods bring one notice, not three.
    assertThat(driver.events(TimelineEventType.UPDATE_OVERDUE))
        .extracting(TimelineEvent::text)
        .containsExactly(
            "No status update for 30m", "No status update for 45m", "No status update for 1h");
    assertThat(driver.timesOf(Effect.MentionInChannel.class)).containsExactly("30m", "50m", "1h");
    // The skipped second notice would have told the engineering manager; the catch-up does.
    assertThat(driver.timesOf(Effect.NotifyTargets.class)).containsExactly("50m");
  }

  @Test
  void beforeTheChangeEveryMissedPeriodWasNoticedAgainAtOnce() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(
                50,
                (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now, false))
            .advanceTo(70);

    assertThat(driver.timesOf(Effect.MentionInChannel.class))
        .containsExactly("30m", "50m", "50m", "50m", "1h");
  }

  @Test
  void loweringSev1ToSev2AfterManyNoticesBringsOneAndThenTheSev2Cadence() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(100, (state, now) -> state.changeSeverity(severity(Severity.SEV2, "erin"), now))
            .advanceTo(130);

    assertThat(driver.timesOf(Effect.MentionInChannel.class))
        .containsExactly("15m", "30m", "45m", "1h", "75m", "90m", "100m", "2h");
    assertThat(driver.timesOf(Effect.NotifyTargets.class)).containsExactly("30m");
  }

  @Test
  void loweringSev1ToSev2AfterTheManagerWasToldTellsThemNoMoreUntilAnUpdate() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .tellingManagerOncePerGap()
            .at(40, (state, now) -> state.changeSeverity(severity(Severity.SEV2, "erin"), now))
            .at(70, (state, now) -> state.statusUpdate(new Note("rolled back", "erin"), now))
            .advanceTo(140);

    // SEV2's notices after the lowering, at 40m and 60m, are the first and second of its own
    // count; the manager, told at 30m, is not told again in the same gap. After the update at 70m
    // the next gap tells them at its second notice, 2h10m.
    assertThat(driver.timesOf(Effect.MentionInChannel.class))
        .containsExactly("15m", "30m", "40m", "1h", "100m", "130m");
    assertThat(driver.timesOf(Effect.NotifyTargets.class)).containsExactly("30m", "130m");
  }

  @Test
  void sev1WithoutUpdatesIsRemindedEveryFifteenMinutesMentioningTheCommander() {
    StateDriver driver = StateDriver.opened(Severity.SEV1).advanceTo(50);

    assertThat(driver.events(TimelineEventType.UPDATE_OVERDUE))
        .extracting(TimelineEvent::text)
        .containsExactly(
            "No status update for 15m", "No status update for 30m", "No status update for 45m");
    assertThat(driver.timesOf(Effect.MentionInChannel.class)).containsExactly("15m", "30m", "45m");
    assertThat(driver.effects(Effect.MentionInChannel.class).get(0))
        .isEqualTo(
            new Effect.MentionInChannel(
                List.of("person:alice"),
                "A status update for INC-1 is overdue (every 15m for SEV1)."));
  }

  @Test
  void statusUpdateAtFourteenMinutesPushesTheReminderToTwentyNine() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(
                14,
                (state, now) -> state.statusUpdate(new Note("Rolled back checkout", "alice"), now));

    assertThat(driver.state.nextUpdateDue()).isEqualTo(minute(29));
    driver.advanceTo(28.99);
    assertThat(driver.events(TimelineEventType.UPDATE_OVERDUE)).isEmpty();
    driver.advanceTo(29);
    assertThat(driver.events(TimelineEventType.UPDATE_OVERDUE))
        .singleElement()
        .satisfies(event -> assertThat(event.at()).isEqualTo(minute(29)));
  }

  @Test
  void statusUpdateIsPostedAnnouncedPerTheAudienceAndRecorded() {
    StateDriver sev1 =
        StateDriver.opened(Severity.SEV1)
            .at(
                14,
                (state, now) -> state.statusUpdate(new Note("Rolled back checkout", "alice"), now));
    StateDriver sev2 =
        StateDriver.opened(Severity.SEV2)
            .at(
                14,
                (state, now) -> state.statusUpdate(new Note("Rolled back checkout", "alice"), now));

    assertThat(sev1.events(TimelineEventType.STATUS_UPDATE))
        .singleElement()
        .extracting(TimelineEvent::by)
        .isEqualTo("alice");
    assertThat(sev1.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .contains("INC-1 update from alice: Rolled back checkout");
    assertThat(sev1.effects(Effect.Announce.class))
        .extracting(Effect.Announce::text)
        .containsExactly("INC-1 update from alice: Rolled back checkout");
    assertThat(sev2.effects(Effect.Announce.class)).isEmpty();
  }

  @Test
  void secondOverduePeriodNotifiesTheEngineeringManager() {
    StateDriver driver = StateDriver.opened(Severity.SEV1).advanceTo(50);

    assertThat(driver.timesOf(Effect.NotifyTargets.class)).containsExactly("30m");
    assertThat(driver.effects(Effect.NotifyTargets.class))
        .singleElement()
        .satisfies(
            notify -> {
              assertThat(notify.targets()).containsExactly("role:engineering-manager");
              assertThat(notify.text())
                  .isEqualTo("INC-1 (SEV1, checkout) has had no status update for 30m.");
            });
  }

  @Test
  void secondOverduePeriodNotifiesTheCommunicationsLeadWhenTheIncidentHasOne() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(
                3,
                (state, now) ->
                    state.assignRole(new RoleAssignment("communications", "carol", "alice"), now))
            .advanceTo(50);

    assertThat(driver.effects(Effect.NotifyTargets.class))
        .singleElement()
        .extracting(Effect.NotifyTargets::targets)
        .isEqualTo(List.of("role:communications"));
  }

  @Test
  void sev2SecondOverduePeriodComesAfterAnHour() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(14, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .advanceTo(61);

    assertThat(driver.timesOf(Effect.MentionInChannel.class)).containsExactly("30m", "1h");
    assertThat(driver.timesOf(Effect.NotifyTargets.class)).containsExactly("1h");
  }

  @Test
  void cadenceStopsAtResolveAndRestartsOnReopen() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(2, (state, now) -> state.advance(IDENTIFIED, by("alice"), now))
            .at(10, (state, now) -> state.advance(RESOLVED, by("alice"), now));

    assertThat(driver.state.nextUpdateDue()).isNull();
    driver.at(25, (state, now) -> state.reopen(new Transition("alice", "errors are back"), now));
    assertThat(driver.events(TimelineEventType.UPDATE_OVERDUE)).isEmpty();
    assertThat(driver.state.nextUpdateDue()).isEqualTo(minute(40));

    driver.advanceTo(41);
    assertThat(driver.events(TimelineEventType.UPDATE_OVERDUE))
        .extracting(TimelineEvent::at)
        .containsExactly(minute(40));
  }

  // ---- monitoring window and reopening ------------------------------------------------------

  @Test
  void reopeningLateSkipsTheStepsThatCameDueWhileResolvedAndKeepsTheOnesAhead() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(3, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .at(15, (state, now) -> state.reopen(new Transition("alice", "errors are back"), now));

    driver.advanceTo(19);
    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s");
    driver.advanceTo(21);
    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 3 at 20m");
  }

  @Test
  void resolvedSev1ClosesWhenItsThirtyMinuteMonitoringWindowEnds() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(4, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .advanceTo(33.99);

    assertThat(driver.state.status()).isEqualTo(RESOLVED);
    assertThat(driver.state.monitoringEndsAt()).contains(minute(34));
    driver.advanceTo(34);
    assertThat(driver.state.status()).isEqualTo(CLOSED);
    assertThat(driver.state.reachedAt(CLOSED)).contains(minute(34));
    assertThat(driver.events(TimelineEventType.CLOSED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo("Closed after the 30m monitoring window");
    assertThat(driver.state.nextDeadline()).isEmpty();
  }

  @Test
  void resolvedSev3ClosesAfterFifteenMinutes() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV3)
            .at(4, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .advanceTo(19);

    assertThat(driver.state.status()).isEqualTo(CLOSED);
    assertThat(driver.state.reachedAt(CLOSED)).contains(minute(19));
  }

  @Test
  void firingAlertDuringTheMonitoringWindowReopensAndTheWindowRestartsAtTheNextResolve() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(3, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .at(20, (state, now) -> state.alert(firingAt(now), now));

    assertThat(driver.state.status()).isEqualTo(ACKNOWLEDGED);
    assertThat(driver.state.reachedAt(RESOLVED)).isEmpty();
    assertThat(driver.events(TimelineEventType.REOPENED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo("Reopened: the alert fired again during the monitoring window");
    assertThat(driver.effects(Effect.Announce.class))
        .extracting(Effect.Announce::text)
        .contains(
            "INC-1 (SEV1, checkout) reopened: the alert fired again during the monitoring window");

    driver.at(40, (state, now) -> state.advance(RESOLVED, by("alice"), now)).advanceTo(69.99);
    assertThat(driver.state.status()).isEqualTo(RESOLVED);
    driver.advanceTo(70);
    assertThat(driver.state.status()).isEqualTo(CLOSED);
  }

  @Test
  void anAlertFiringAtAWorseSeverityRaisesTheIncidentAndItsNewChainPages() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV4)
            .replanningByWhoWasCalled()
            .raisingWithAlerts()
            .at(3, (state, now) -> state.alert(firing(Severity.SEV4, now), now))
            .at(4, (state, now) -> state.alert(firing(Severity.SEV1, now), now))
            .advanceTo(30);

    assertThat(driver.state.severity()).isEqualTo(Severity.SEV1);
    assertThat(driver.events(TimelineEventType.SEVERITY_CHANGED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.by()).isEqualTo(TimelineEvent.SYSTEM);
              assertThat(event.text())
                  .isEqualTo(
                      "Severity SEV4 -> SEV1 by system: its alert fires at SEV1 now"
                          + " (Checkout error budget burn)");
            });
    // SEV1's chain counts from the raise, as if it had opened as a SEV1 then.
    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 4m", "step 1 at 9m", "step 2 at 14m", "step 3 at 24m");
  }

  @Test
  void anAlertFiringAsBeforeDoesNotUndoALoweringByHand() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV1)
            .replanningByWhoWasCalled()
            .raisingWithAlerts()
            .at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV3, "alice"), now))
            .at(3, (state, now) -> state.alert(firing(Severity.SEV1, now), now))
            .at(4, (state, now) -> state.alert(firing(Severity.SEV2, now), now));

    assertThat(driver.state.severity()).isEqualTo(Severity.SEV3);
    assertThat(driver.events(TimelineEventType.SEVERITY_CHANGED)).hasSize(1);
  }

  @Test
  void anAlertFiringAtAWorseSeverityThanEverRaisesALoweredIncidentAgain() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV2)
            .replanningByWhoWasCalled()
            .raisingWithAlerts()
            .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV3, "alice"), now))
            .at(3, (state, now) -> state.alert(firing(Severity.SEV2, now), now))
            .at(4, (state, now) -> state.alert(firing(Severity.SEV1, now), now))
            .at(5, (state, now) -> state.alert(firing(Severity.SEV2, now), now));

    assertThat(driver.state.severity()).isEqualTo(Severity.SEV1);
    assertThat(driver.events(TimelineEventType.SEVERITY_CHANGED))
        .extracting(TimelineEvent::text)
        .containsExactly(
            "Severity SEV2 -> SEV3 by alice",
            "Severity SEV3 -> SEV1 by system: its alert fires at SEV1 now"
                + " (Checkout error budget burn)");
  }

  @Test
  void anAlertFiringAtABetterSeverityOrWithoutOneChangesNothing() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV2)
            .replanningByWhoWasCalled()
            .raisingWithAlerts()
            .at(1, (state, now) -> state.alert(firing(Severity.SEV4, now), now))
            .at(
                2,
                (state, now) ->
                    state.alert(
                        new AlertEvent(
                            true,
                            "generic",
                            "group-1",
                            "Checkout error budget burn",
                            null,
                            null,
                            now,
                            1,
                            Map.of(),
                            List.of(),
                            List.of(),
                            List.of()),
                        now));

    assertThat(driver.state.severity()).isEqualTo(Severity.SEV2);
    assertThat(driver.events(TimelineEventType.SEVERITY_CHANGED)).isEmpty();
  }

  @Test
  void anIncidentOpenedBeforeAlertsRaisedItKeepsItsSeverity() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV4)
            .at(4, (state, now) -> state.alert(firing(Severity.SEV1, now), now));

    assertThat(driver.state.severity()).isEqualTo(Severity.SEV4);
    assertThat(driver.stepsRun()).isEmpty();
  }

  @Test
  void aResolvedSev2WhoseAlertFiresAgainAsCriticalReopensPagesItsPrimaryAndGoesOnAsSev1() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV2)
            .replanningByWhoWasCalled()
            .raisingWithAlerts()
            .pagingAgainOnRecurrence()
            .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(3, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .at(8, (state, now) -> state.alert(firing(Severity.SEV1, now), now))
            .advanceTo(30);

    assertThat(driver.state.status()).isEqualTo(ACKNOWLEDGED);
    assertThat(driver.state.severity()).isEqualTo(Severity.SEV1);
    // The recurrence pages SEV2's first step again, whom SEV1's step 0 calls too; SEV1's chain
    // counts from the raise at 8m: step 1 is skipped (acknowledged), the VP comes at 18m and the
    // executive at 28m, not both at once.
    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 0s", "step 0 at 8m", "step 2 at 18m", "step 3 at 28m");
  }

  /**
   * An incident declared at {@code severity} that follows today's rules of a recurrence that raises
   * it (since {@code IncidentWorkflowImpl#PAGE_WHEN_RAISED_ON_RECURRENCE}).
   */
  private static StateDriver raisedOnRecurrence(Severity severity) {
    return StateDriver.declared(severity)
        .replanningByWhoWasCalled()
        .raisingWithAlerts()
        .pagingAgainOnRecurrence()
        .resolvingPagesWhenUnpaged()
        .pagingWhenRaisedOnRecurrence();
  }

  @Test
  void aSev2LoweredToSev3ResolvedThenFiringAnewAsCriticalPagesSev1sFirstStepAtOnce() {
    StateDriver driver =
        raisedOnRecurrence(Severity.SEV2)
            .at(5, (state, now) -> state.changeSeverity(severity(Severity.SEV3, "bob"), now))
            .at(10, (state, now) -> state.advance(RESOLVED, by("bob"), now))
            .at(20, (state, now) -> state.alert(firing(Severity.SEV1, now), now))
            .advanceTo(45);

    assertThat(driver.state.status()).isEqualTo(ACKNOWLEDGED);
    assertThat(driver.state.severity()).isEqualTo(Severity.SEV1);
    // SEV3 pages nobody, so the recurrence alone pages nobody; raised to SEV1 by it, the incident
    // pages SEV1's first step at once, as it would have had it stayed SEV2. Before, the first page
    // after the recurrence was the VP's step, 10 minutes later.
    assertThat(driver.stepsRun())
        .containsExactly("step 0 at 0s", "step 0 at 20m", "step 2 at 30m", "step 3 at 40m");
  }

  @Test
  void aSev3ResolvedThenFiringAnewAsCriticalPagesSev1sFirstStepOnce() {
    StateDriver driver =
        raisedOnRecurrence(Severity.SEV3)
            .at(10, (state, now) -> state.advance(RESOLVED, by("bob"), now))
            .at(20, (state, now) -> state.alert(firing(Severity.SEV1, now), now))
            .advanceTo(25);

    assertThat(driver.state.severity()).isEqualTo(Severity.SEV1);
    // Nobody was called at SEV3: the raise's chain runs its first step itself, once.
    assertThat(driver.stepsRun()).containsExactly("step 0 at 20m");
  }

  /**
   * The incident, paged at its start, stayed resolved through two firing deliveries sent again at
   * 8m and 9m: on the timeline, and nobody paged.
   */
  private static void assertLeftResolvedByTwoFiringsSentAgain(StateDriver driver) {
    assertThat(driver.state.status()).isEqualTo(RESOLVED);
    assertThat(driver.events(TimelineEventType.REOPENED)).isEmpty();
    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s");
    assertThat(driver.events(TimelineEventType.ALERT_FIRED))
        .extracting(TimelineEvent::text)
        .containsExactly(
            "Alert firing: Checkout error budget burn",
            "Alert still firing: Checkout error budget burn (alerts that fired before it was"
                + " resolved)",
            "Alert still firing: Checkout error budget burn (alerts that fired before it was"
                + " resolved)");
  }

  /** The starts of a group of 101 alerts, at -200m to -100m: a delivery carries the latest 100. */
  private static final double[] STARTS_OF_101 =
      IntStream.rangeClosed(0, 100).mapToDouble(i -> i - 200).toArray();

  /**
   * A SEV1 whose group of 101 alerts fired at its start, acknowledged at 1m and resolved at 3m,
   * judging its alerts' starts as runs since {@code IncidentWorkflowImpl#LEFT_OUT_STARTS_KNOWN} do.
   */
  private static StateDriver resolvedWithAGroupOf101Alerts() {
    return StateDriver.opened(Severity.SEV1)
        .pagingAgainOnRecurrence()
        .judgingAlertsByTheirStarts()
        .judgingLeftOutStartsAsKnown()
        .at(0, (state, now) -> state.alert(firingStarted(now, STARTS_OF_101), now))
        .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
        .at(3, (state, now) -> state.advance(RESOLVED, by("alice"), now));
  }

  /**
   * As the outage clears, the group's newest alert resolves first, and the group is sent again with
   * the 100 others, the oldest among them carried for the first time.
   */
  @Test
  void aGroupOfMoreAlertsThanADeliveryCarriesSentAgainAsItClearsLeavesItResolved() {
    double[] allButTheNewest = Arrays.copyOf(STARTS_OF_101, 100);
    StateDriver driver =
        resolvedWithAGroupOf101Alerts()
            .at(8, (state, now) -> state.alert(firingStarted(now, allButTheNewest), now))
            .at(9, (state, now) -> state.alert(firingStarted(now, -250), now))
            .advanceTo(20);

    assertLeftResolvedByTwoFiringsSentAgain(driver);
  }

  @Test
  void anAlertFiringAnewInAGroupOfMoreAlertsThanADeliveryCarriesReopensIt() {
    double[] withANewOne = Arrays.copyOf(STARTS_OF_101, 102);
    withANewOne[101] = 7;
    StateDriver driver =
        resolvedWithAGroupOf101Alerts()
            .at(8, (state, now) -> state.alert(firingStarted(now, withANewOne), now))
            .advanceTo(20);

    assertThat(driver.state.status()).isEqualTo(ACKNOWLEDGED);
    assertThat(driver.events(TimelineEventType.REOPENED)).hasSize(1);
    assertThat(driver.stepsRun()).startsWith("step 0 at 0s", "step 0 at 8m");
  }

  /**
   * Alertmanager sends the group's firing again when one of its alerts resolves before the others,
   * at its repeat interval, and from each of a pair; the alerts it carries started when they first
   * fired.
   */
  @Test
  void aFiringSentAgainWhileResolvedLeavesItResolvedPagesNobodyAndTellsTheChannelOnce() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .pagingAgainOnRecurrence()
            .judgingAlertsByTheirStarts()
            .at(0, (state, now) -> state.alert(firingStarted(now, -2, -1), now))
            .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(3, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .at(8, (state, now) -> state.alert(firingStarted(now, -1), now))
            .at(9, (state, now) -> state.alert(firingStarted(now, -2, -1), now))
            .advanceTo(20);

    assertLeftResolvedByTwoFiringsSentAgain(driver);
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .filteredOn(text -> text.startsWith("Alert still firing"))
        .containsExactly(
            "Alert still firing: Checkout error budget burn. These alerts fired before INC-1 was"
                + " resolved, so it stays resolved and nobody is paged again; if the fix did not"
                + " hold, reopen it (`/incident reopen`). An alert that fires anew reopens it.");
    driver.advanceTo(33);
    assertThat(driver.state.status()).isEqualTo(CLOSED);
  }

  @Test
  void anAlertThatStartsAnewReopensTheResolvedIncidentPagesAgainAndIsToldApartAfterward() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .pagingAgainOnRecurrence()
            .judgingAlertsByTheirStarts()
            .at(0, (state, now) -> state.alert(firingStarted(now, -1), now))
            .at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(3, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .at(5, (state, now) -> state.alert(firingStarted(now, -1), now))
            .at(10, (state, now) -> state.alert(firingStarted(now, -1, 9), now));

    assertThat(driver.state.status()).isEqualTo(ACKNOWLEDGED);
    assertThat(driver.events(TimelineEventType.REOPENED)).hasSize(1);
    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 0 at 10m");

    // Resolved again, the new alert's firing sent again is told apart too, and told once more.
    driver
        .at(12, (state, now) -> state.advance(RESOLVED, by("alice"), now))
        .at(14, (state, now) -> state.alert(firingStarted(now, 9), now))
        .advanceTo(20);
    assertThat(driver.state.status()).isEqualTo(RESOLVED);
    assertThat(driver.stepsRun()).hasSize(2);
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .filteredOn(text -> text.startsWith("Alert still firing: "))
        .hasSize(2);
  }

  /**
   * Runs before the change, and deliveries without starts (generic alerts, an older API), reopen on
   * every firing as they always did.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void withoutStartsToJudgeByEveryFiringWhileResolvedReopens(boolean judging) {
    StateDriver driver = StateDriver.opened(Severity.SEV1).pagingAgainOnRecurrence();
    if (judging) {
      driver.judgingAlertsByTheirStarts();
    }
    driver
        .at(0, (state, now) -> state.alert(judging ? firingAt(now) : firingStarted(now, -1), now))
        .at(3, (state, now) -> state.advance(RESOLVED, by("alice"), now))
        .at(5, (state, now) -> state.alert(judging ? firingAt(now) : firingStarted(now, -1), now));

    assertThat(driver.state.status()).isEqualTo(ACKNOWLEDGED);
    assertThat(driver.stepsRun()).containsExactly("step 0 at 0s", "step 0 at 5m");
  }

  @Test
  void whatADeliveryLeftOutGoesOnTheTimelineWithIt() {
    String warning =
        "alerts[].labels.severity 'crtical' is not a known severity or alias (...); the group fires"
            + " at SEV1, the worst severity of its alerts that the policy knows";
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(
                1,
                (state, now) ->
                    state.alert(
                        new AlertEvent(
                            true,
                            "alertmanager",
                            "group-1",
                            "Checkout error budget burn",
                            null,
                            Severity.SEV1,
                            now,
                            2,
                            Map.of(),
                            List.of(),
                            List.of(),
                            List.of(warning)),
                        now));

    assertThat(driver.events(TimelineEventType.ALERT_FIRED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.text())
                  .isEqualTo("Alert firing: Checkout error budget burn; " + warning);
              assertThat(event.data()).containsEntry("warnings", warning);
            });
  }

  @Test
  void aResolvedDeliverySentAgainGoesOnTheTimelineOnly() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .judgingAlertsByTheirStarts()
            .at(0, (state, now) -> state.alert(firingStarted(now, -1), now))
            .at(2, (state, now) -> state.alert(resolvedAt(now), now))
            .at(3, (state, now) -> state.alert(resolvedAt(now), now))
            .at(4, (state, now) -> state.alert(firingStarted(now, 4), now))
            .at(5, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .at(6, (state, now) -> state.alert(resolvedAt(now), now))
            .at(7, (state, now) -> state.alert(resolvedAt(now), now));

    assertThat(driver.events(TimelineEventType.ALERT_RESOLVED)).hasSize(4);
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .filteredOn(text -> text.startsWith("Alert resolved"))
        .containsExactly(
            "Alert resolved: Checkout error budget burn. The incident stays triggered until"
                + " someone resolves it.",
            "Alert resolved: Checkout error budget burn.");
  }

  @Test
  void resolvedAlertIsNotedAndChangesNothingElse() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1).at(3, (state, now) -> state.alert(resolvedAt(now), now));

    assertThat(driver.state.status()).isEqualTo(TRIGGERED);
    assertThat(driver.events(TimelineEventType.ALERT_RESOLVED)).hasSize(1);
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .contains(
            "Alert resolved: Checkout error budget burn. The incident stays triggered until someone resolves it.");
  }

  @Test
  void reopeningByHandRecordsWhoAndWhy() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(3, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .at(
                10,
                (state, now) ->
                    state.reopen(new Transition("bob", "customers still see errors"), now));

    assertThat(driver.events(TimelineEventType.REOPENED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.by()).isEqualTo("bob");
              assertThat(event.text()).isEqualTo("Reopened by bob: customers still see errors");
            });
    assertThat(driver.state.status()).isEqualTo(ACKNOWLEDGED);
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .contains("INC-1 reopened by bob: customers still see errors");
    assertThat(driver.effects(Effect.Announce.class))
        .extracting(Effect.Announce::text)
        .contains("INC-1 (SEV1, checkout) reopened by bob: customers still see errors");

    driver
        .at(12, (state, now) -> state.advance(RESOLVED, by("alice"), now))
        .at(13, (state, now) -> state.reopen(by("carol"), now));
    assertThat(driver.events(TimelineEventType.REOPENED))
        .extracting(TimelineEvent::text)
        .endsWith("Reopened by carol");
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .contains("INC-1 reopened by carol");
  }

  // ---- lifecycle and refusals ---------------------------------------------------------------

  @Test
  void lifecycleRecordsEachStatusWithItsTimeAndTellsPagerDutyOnce() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(2, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now))
            .at(6, (state, now) -> state.advance(IDENTIFIED, by("alice"), now))
            .at(8, (state, now) -> state.advance(MITIGATED, by("alice"), now))
            .at(
                9,
                (state, now) ->
                    state.advance(RESOLVED, new Transition("alice", "rolled back"), now));

    assertThat(driver.state.reachedAt(ACKNOWLEDGED)).contains(minute(2));
    assertThat(driver.state.reachedAt(IDENTIFIED)).contains(minute(6));
    assertThat(driver.state.reachedAt(MITIGATED)).contains(minute(8));
    assertThat(driver.state.reachedAt(RESOLVED)).contains(minute(9));
    assertThat(driver.events(TimelineEventType.RESOLVED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo("Resolved by alice: rolled back");
    assertThat(driver.timesOf(Effect.AcknowledgePages.class)).containsExactly("2m");
    assertThat(driver.timesOf(Effect.ResolvePages.class)).containsExactly("9m");
  }

  @Test
  void resolvingBeforeAnyoneAcknowledgedResolvesThePagesWithoutAcknowledgingThemFirst() {
    StateDriver driver = StateDriver.opened(Severity.SEV1);
    driver.state.resolvePagesWithoutAcknowledging();
    driver.at(3, (state, now) -> state.advance(RESOLVED, by("alice"), now));

    assertThat(driver.effects(Effect.AcknowledgePages.class)).isEmpty();
    assertThat(driver.timesOf(Effect.ResolvePages.class)).containsExactly("3m");
    assertThat(driver.state.reachedAt(ACKNOWLEDGED)).contains(minute(3));
  }

  @Test
  void runsBeforeTheChangeAcknowledgeThePagesThenResolveThem() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(3, (state, now) -> state.advance(RESOLVED, by("alice"), now));

    assertThat(driver.timesOf(Effect.AcknowledgePages.class)).containsExactly("3m");
    assertThat(driver.timesOf(Effect.ResolvePages.class)).containsExactly("3m");
  }

  @Test
  void identifyingBeforeAnyoneAcknowledgedStillAcknowledgesThePages() {
    StateDriver driver = StateDriver.opened(Severity.SEV1);
    driver.state.resolvePagesWithoutAcknowledging();
    driver.at(3, (state, now) -> state.advance(IDENTIFIED, by("alice"), now));

    assertThat(driver.timesOf(Effect.AcknowledgePages.class)).containsExactly("3m");
  }

  @Test
  void cancelingEndsTheIncidentWithNoTimerLeft() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(
                2,
                (state, now) ->
                    state.advance(CANCELED, new Transition("alice", "test alert"), now));

    assertThat(driver.state.isTerminal()).isTrue();
    assertThat(driver.state.nextDeadline()).isEmpty();
    assertThat(driver.events(TimelineEventType.CANCELED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo("Canceled as a false alarm by alice: test alert");
    assertThat(driver.effects(Effect.ResolvePages.class)).hasSize(1);
    assertThat(driver.effects(Effect.AcknowledgePages.class)).isEmpty();
  }

  @Test
  void acknowledgingTwiceIsRefusedNamingWhoAcknowledged() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(2, (state, now) -> state.advance(ACKNOWLEDGED, by("bob"), now));

    assertThat(driver.state.refusalOf(ACKNOWLEDGED))
        .contains("INC-1 is already acknowledged by bob");
  }

  @Test
  void acknowledgingAfterIdentifyNamesWhoIdentifiedFirst() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(2, (state, now) -> state.advance(IDENTIFIED, by("carol"), now));

    assertThat(driver.state.refusalOf(ACKNOWLEDGED))
        .contains("INC-1 is already acknowledged by carol");
  }

  @Test
  void everyTransitionOfACanceledIncidentIsRefusedSayingItWasAFalseAlarm() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(2, (state, now) -> state.advance(CANCELED, by("alice"), now));

    for (IncidentStatus target : List.of(ACKNOWLEDGED, IDENTIFIED, MITIGATED, RESOLVED, CANCELED)) {
      assertThat(driver.state.refusalOf(target))
          .as("%s", target)
          .contains("INC-1 is canceled as a false alarm");
    }
    assertThat(driver.state.refusalOfReopen()).contains("INC-1 is canceled as a false alarm");
    assertThat(driver.state.refusalOfSeverity(Severity.SEV2))
        .contains("INC-1 is canceled as a false alarm");
    assertThat(driver.state.refusalOfNote(new Note("x", "alice")))
        .contains("INC-1 is canceled as a false alarm");
    assertThat(driver.state.refusalOfEscalate())
        .contains("INC-1 is canceled; only an open incident escalates");
  }

  @Test
  void closedIncidentRefusesEverythingAndPointsToANewIncident() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV3)
            .at(2, (state, now) -> state.advance(RESOLVED, by("alice"), now))
            .advanceTo(20);

    assertThat(driver.state.refusalOf(RESOLVED))
        .contains("INC-1 is closed; declare a new incident");
    assertThat(driver.state.refusalOfReopen()).contains("INC-1 is closed; declare a new incident");
    assertThat(driver.state.refusalOfRole(new RoleAssignment("scribe", "bob", "alice")))
        .contains("INC-1 is closed; declare a new incident");
  }

  @Test
  void cancelingAResolvedIncidentIsRefused() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(2, (state, now) -> state.advance(RESOLVED, by("alice"), now));

    assertThat(driver.state.refusalOf(CANCELED))
        .contains("INC-1 is already resolved; a false alarm is canceled before resolving");
    assertThat(driver.state.refusalOf(ACKNOWLEDGED)).contains("INC-1 is already resolved");
    assertThat(driver.state.refusalOf(RESOLVED)).contains("INC-1 is already resolved");
  }

  @Test
  void movingBackwardsIsRefused() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(2, (state, now) -> state.advance(MITIGATED, by("alice"), now));

    assertThat(driver.state.refusalOf(IDENTIFIED)).contains("INC-1 is already mitigated");
    assertThat(driver.state.refusalOf(MITIGATED)).contains("INC-1 is already mitigated");
    assertThat(driver.state.refusalOf(TRIGGERED))
        .contains("an incident cannot go back to triggered");
    assertThat(driver.state.refusalOf(CLOSED))
        .contains("incidents close by themselves when the monitoring window ends");
    assertThat(driver.state.refusalOf(RESOLVED)).isEmpty();
  }

  @Test
  void reopeningAnIncidentThatIsNotResolvedIsRefused() {
    StateDriver driver = StateDriver.opened(Severity.SEV1);

    assertThat(driver.state.refusalOfReopen()).contains("INC-1 is triggered, not resolved");
    driver.at(1, (state, now) -> state.advance(ACKNOWLEDGED, by("alice"), now));
    assertThat(driver.state.refusalOfReopen()).contains("INC-1 is acknowledged, not resolved");
  }

  @Test
  void unknownRoleIsRefusedListingTheRoles() {
    StateDriver driver = StateDriver.opened(Severity.SEV1);

    assertThat(driver.state.refusalOfRole(new RoleAssignment("pilot", "bob", "alice")))
        .contains("unknown role 'pilot'; roles are commander, communications, scribe, tech-lead");
    assertThat(driver.state.refusalOfRole(new RoleAssignment("scribe", " ", "alice")))
        .contains("person is required");
    assertThat(driver.state.refusalOfRole(new RoleAssignment("commander", "alice", "bob")))
        .contains("alice is already commander of INC-1");
  }

  @Test
  void otherRefusalsSayWhy() {
    StateDriver driver = StateDriver.opened(Severity.SEV1);

    assertThat(driver.state.refusalOfSeverity(Severity.SEV1)).contains("INC-1 is already SEV1");
    assertThat(driver.state.refusalOfNote(new Note("  ", "alice"))).contains("text is required");
    assertThat(driver.state.refusalOfEscalate()).isEmpty();
  }

  @Test
  void refusedChangeThrowsTheReasonAndChangesNothing() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(2, (state, now) -> state.advance(ACKNOWLEDGED, by("bob"), now));
    IncidentState state = driver.state;
    int sequence = state.lastSequence();
    Optional<Instant> deadline = state.nextDeadline();

    assertThatThrownBy(() -> state.advance(ACKNOWLEDGED, by("alice"), driver.now()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("INC-1 is already acknowledged by bob");
    assertThatThrownBy(() -> state.reopen(by("alice"), driver.now()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("INC-1 is acknowledged, not resolved");
    assertThatThrownBy(
            () -> state.assignRole(new RoleAssignment("pilot", "bob", "alice"), driver.now()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("unknown role 'pilot'");
    assertThatThrownBy(() -> state.changeSeverity(severity(Severity.SEV1, "alice"), driver.now()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("INC-1 is already SEV1");
    assertThat(state.lastSequence()).isEqualTo(sequence);
    assertThat(state.hasEffects()).isFalse();
    assertThat(state.status()).isEqualTo(ACKNOWLEDGED);
    assertThat(state.nextDeadline()).isEqualTo(deadline);
  }

  @Test
  void aSeverityChangeRenamesTheChannelOnceChannelsAreRenamedAndItsNameIsNotTheSeveritysAlready() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV2)
            .at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now));
    driver.state.renameChannelWithSeverity();
    // Back to SEV2: the channel never left its SEV2 name.
    driver
        .at(3, (state, now) -> state.changeSeverity(severity(Severity.SEV2, "erin"), now))
        .at(4, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now));

    assertThat(driver.effects(Effect.RenameChannel.class))
        .containsExactly(new Effect.RenameChannel("inc-1-sev1-checkout-error-budget-burn"));
    assertThat(driver.timesOf(Effect.RenameChannel.class)).containsExactly("4m");
  }

  @Test
  void aRenamedChannelIsRecordedAndRenamedNoMoreForTheSameSeverity() {
    StateDriver driver = StateDriver.opened(Severity.SEV2);
    driver.state.renameChannelWithSeverity();
    driver.at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now));
    driver.state.channelRenamed("inc-1-sev1-checkout-error-budget-burn", minute(2));
    driver.at(3, (state, now) -> state.changeSeverity(severity(Severity.SEV2, "erin"), now));
    driver.state.channelRenamed("inc-1-sev2-checkout-error-budget-burn", minute(3));

    assertThat(driver.effects(Effect.RenameChannel.class))
        .extracting(Effect.RenameChannel::name)
        .containsExactly(
            "inc-1-sev1-checkout-error-budget-burn", "inc-1-sev2-checkout-error-budget-burn");
    assertThat(driver.events(TimelineEventType.CHANNEL_RENAMED))
        .extracting(event -> event.data().get("to"))
        .containsExactly(
            "inc-1-sev1-checkout-error-budget-burn", "inc-1-sev2-checkout-error-budget-burn");
    assertThat(driver.state.channelName()).isEqualTo("inc-1-sev2-checkout-error-budget-burn");
  }

  @Test
  void aSeverityChangeComparesWithTheNameAskedForBeforeOnceRenamesWaitForEachOther() {
    StateDriver driver = StateDriver.opened(Severity.SEV2);
    driver.state.renameChannelWithSeverity();
    driver.state.renameAfterWaitingRenames();
    // Slack answers none of these renames before the next change.
    driver
        .at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now))
        .at(3, (state, now) -> state.changeSeverity(severity(Severity.SEV2, "erin"), now));

    assertThat(driver.effects(Effect.RenameChannel.class))
        .extracting(Effect.RenameChannel::name)
        .containsExactly(
            "inc-1-sev1-checkout-error-budget-burn", "inc-1-sev2-checkout-error-budget-burn");
    assertThat(driver.timesOf(Effect.RenameChannel.class)).containsExactly("2m", "3m");
  }

  @Test
  void aRefusedRenameLeavesTheNameTheChannelHasToCompareWith() {
    StateDriver driver = StateDriver.opened(Severity.SEV2);
    driver.state.renameChannelWithSeverity();
    driver.state.renameAfterWaitingRenames();
    driver.at(2, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now));
    driver.state.channelRenameRefused("inc-1-sev1-checkout-error-budget-burn");
    // Back to SEV2, the name the channel still has: nothing to rename.
    driver
        .at(3, (state, now) -> state.changeSeverity(severity(Severity.SEV2, "erin"), now))
        .at(4, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "erin"), now));

    assertThat(driver.timesOf(Effect.RenameChannel.class)).containsExactly("2m", "4m");
    assertThat(driver.state.channelName()).isEqualTo("inc-1-sev2-checkout-error-budget-burn");
  }

  @Test
  void whoeverIsGivenARoleIsInvitedToTheChannelOnceRoleHoldersAreInvited() {
    StateDriver driver = StateDriver.opened(Severity.SEV1);
    driver.state.assignRole(new RoleAssignment("scribe", "bob", "alice"), driver.now());
    driver.perform();
    driver.state.inviteRoleHolders();
    driver.state.assignRole(new RoleAssignment("communications", "carol", "alice"), driver.now());
    driver.perform();

    assertThat(driver.effects(Effect.InviteToChannel.class))
        .containsExactly(new Effect.InviteToChannel(List.of("person:carol")));
  }

  @Test
  void roleAssignmentIsRecordedAndAnnouncedAndCommanderChangesTheCommander() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(
                3,
                (state, now) ->
                    state.assignRole(new RoleAssignment("commander", "carol", "alice"), now));

    assertThat(driver.state.commander()).isEqualTo("carol");
    assertThat(driver.state.roles()).containsEntry("commander", "carol");
    assertThat(driver.events(TimelineEventType.ROLE_ASSIGNED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.text()).isEqualTo("carol is now commander (assigned by alice)");
              assertThat(event.data())
                  .containsEntry("role", "commander")
                  .containsEntry("person", "carol");
            });
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .contains("INC-1: carol is now commander (assigned by alice)");
    driver.advanceTo(15);
    assertThat(driver.effects(Effect.MentionInChannel.class))
        .singleElement()
        .extracting(Effect.MentionInChannel::targets)
        .isEqualTo(List.of("person:carol"));
  }

  @Test
  void decisionIsPostedAndKeptOnTheTimeline() {
    StateDriver driver =
        StateDriver.opened(Severity.SEV1)
            .at(3, (state, now) -> state.decision(new Note("Fail over to eu-west", "alice"), now));

    assertThat(driver.events(TimelineEventType.DECISION))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo("Fail over to eu-west");
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .contains("INC-1 decision by alice: Fail over to eu-west");
    assertThat(driver.state.nextUpdateDue()).isEqualTo(minute(15));
  }

  // ---- the timeline -------------------------------------------------------------------------

  @Test
  void timelineSequenceNumbersAreContiguousFromOneAcrossSavesAndAWholeLifecycle() {
    StateDriver driver = StateDriver.declared(Severity.SEV2);
    List<TimelineEvent> persisted = new ArrayList<>();
    Runnable save =
        () -> {
          List<TimelineEvent> unsaved = driver.state.snapshot().newEvents();
          persisted.addAll(unsaved);
          unsaved.stream().mapToInt(TimelineEvent::sequence).max().ifPresent(driver.state::saved);
        };
    driver.advanceTo(0);
    save.run();
    driver
        .at(2, (state, now) -> state.alert(firingAt(now), now))
        .at(
            4,
            (state, now) -> state.assignRole(new RoleAssignment("scribe", "carol", "alice"), now))
        .at(7, (state, now) -> state.changeSeverity(severity(Severity.SEV1, "alice"), now));
    save.run();
    driver
        .at(12, (state, now) -> state.advance(ACKNOWLEDGED, by("bob"), now))
        .at(14, (state, now) -> state.statusUpdate(new Note("looking", "bob"), now))
        .at(16, (state, now) -> state.escalateNow(by("bob")))
        .at(40, (state, now) -> state.decision(new Note("roll back", "bob"), now))
        .at(41, (state, now) -> state.advance(RESOLVED, by("bob"), now));
    save.run();
    driver
        .at(50, (state, now) -> state.reopen(by("bob"), now))
        .at(55, (state, now) -> state.advance(RESOLVED, by("bob"), now))
        .advanceTo(120);
    save.run();

    assertThat(driver.state.status()).isEqualTo(CLOSED);
    assertThat(persisted)
        .extracting(TimelineEvent::sequence)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, driver.state.lastSequence()).boxed().toList());
    assertThat(persisted).extracting(TimelineEvent::at).isSorted();
    assertThat(persisted)
        .extracting(TimelineEvent::type)
        .startsWith(
            TimelineEventType.DECLARED, TimelineEventType.CHANNEL_CREATED, TimelineEventType.PAGED);
    assertThat(driver.state.snapshot().newEvents()).isEmpty();
  }
}
