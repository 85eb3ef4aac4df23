package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import dev.incidentflow.workflows.policy.Durations;
import dev.incidentflow.workflows.policy.Policy;
import dev.incidentflow.workflows.policy.TestPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Runs an {@link IncidentState} through time the way {@link IncidentWorkflowImpl} does, without
 * Temporal: fires every timer at its deadline and carries out escalation steps as {@link
 * IncidentEffects} would, resolving targets with the catalog of {@link FakeDirectory}. Every effect
 * is kept with the minute it was asked for.
 */
final class StateDriver {
  static final Instant START = Instant.parse("2025-03-03T10:00:00Z");
  private static final Map<String, String> CATALOG_ROLES =
      Map.of("engineering-manager", "dana", "vp-engineering", "erin", "executive", "frank");

  /** One effect and when it was carried out. */
  record Performed(Duration at, Effect effect) {}

  final IncidentState state;
  final List<Performed> performed = new ArrayList<>();
  private Instant now = START;

  private StateDriver(IncidentState state) {
    this.state = state;
  }

  /** A numbered, staffed incident with its channel, before its first timer ran. */
  static StateDriver declared(Severity severity) {
    return declared(severity, TestPolicies.defaults());
  }

  static StateDriver declared(Severity severity, Policy policy) {
    IncidentState state =
        IncidentState.declare(
            TestIncidents.alert("group-1", severity), "alert-1", "run-1", policy, START);
    state.numbered(1);
    state.staffed("alice", "incidents");
    state.channelOpened("C100", "inc-1-" + severity.slug() + "-checkout-error-budget-burn", START);
    return new StateDriver(state);
  }

  /** The incident as the workflow leaves it after opening: step 0 has run. */
  static StateDriver opened(Severity severity) {
    StateDriver driver = declared(severity);
    driver.advanceTo(0);
    return driver;
  }

  /**
   * The incident replans its escalation by whom it called, as since {@code
   * IncidentWorkflowImpl#REPLAN_BY_WHO_WAS_CALLED}; on a {@link #declared} incident only.
   */
  StateDriver replanningByWhoWasCalled() {
    state.replanByWhoWasCalled();
    return this;
  }

  /**
   * The incident is raised by alerts firing at a worse severity, as since {@code
   * IncidentWorkflowImpl#RAISE_WITH_ALERTS}; on a {@link #declared} incident only.
   */
  StateDriver raisingWithAlerts() {
    state.raiseWithAlerts();
    return this;
  }

  /** See {@code IncidentWorkflowImpl#PAGE_AGAIN_ON_RECURRENCE}. */
  StateDriver pagingAgainOnRecurrence() {
    state.pageAgainOnRecurrence();
    return this;
  }

  /** See {@code IncidentWorkflowImpl#RESOLVE_PAGES_WHEN_UNPAGED}. */
  StateDriver resolvingPagesWhenUnpaged() {
    state.resolvePagesWhenUnpaged();
    return this;
  }

  /** See {@code IncidentWorkflowImpl#ALERTS_BY_THEIR_STARTS}. */
  StateDriver judgingAlertsByTheirStarts() {
    state.judgeAlertsByTheirStarts();
    return this;
  }

  /** See {@code IncidentWorkflowImpl#MANAGER_TOLD_ONCE_PER_GAP}. */
  StateDriver tellingManagerOncePerGap() {
    state.tellManagerOncePerGap();
    return this;
  }

  /** See {@code IncidentWorkflowImpl#LEFT_OUT_STARTS_KNOWN}. */
  StateDriver judgingLeftOutStartsAsKnown() {
    state.judgeLeftOutStartsAsKnown();
    return this;
  }

  /** See {@code IncidentWorkflowImpl#PAGE_WHEN_RAISED_ON_RECURRENCE}. */
  StateDriver pagingWhenRaisedOnRecurrence() {
    state.pageWhenRaisedOnRecurrence();
    return this;
  }

  /** See {@code IncidentWorkflowImpl#ESCALATE_PAST_NOBODY}. */
  StateDriver escalatingPastNobody() {
    state.escalatePastNobody();
    return this;
  }

  static Instant minute(double minutes) {
    return START.plus(Duration.ofSeconds(Math.round(minutes * 60)));
  }

  Instant now() {
    return now;
  }

  /** Fires every timer due up to {@code minutes} after the start, each at its own deadline. */
  StateDriver advanceTo(double minutes) {
    Instant until = minute(minutes);
    perform();
    while (!state.isTerminal()) {
      Optional<Instant> deadline = state.nextDeadline();
      if (deadline.isEmpty() || deadline.get().isAfter(until)) {
        break;
      }
      if (deadline.get().isAfter(now)) {
        now = deadline.get();
      }
      if (!state.fireDueTimers(now)) {
        throw new AssertionError("nextDeadline " + deadline.get() + " passed but no timer was due");
      }
      perform();
    }
    if (until.isAfter(now)) {
      now = until;
    }
    return this;
  }

  /** Runs the timers up to {@code minutes}, then applies a person's change at that time. */
  StateDriver at(double minutes, BiConsumer<IncidentState, Instant> change) {
    advanceTo(minutes);
    change.accept(state, now);
    return perform();
  }

  /** Carries out what the last change asked for, as the workflow does before waiting again. */
  StateDriver perform() {
    while (state.hasEffects()) {
      performOnce();
    }
    return this;
  }

  /** Carries out what the state asks for now; carrying it out may ask for more. */
  private void performOnce() {
    for (Effect effect : state.takeEffects()) {
      performed.add(new Performed(Duration.between(START, now), effect));
      if (effect instanceof Effect.RunEscalationStep step) {
        List<String> who = new ArrayList<>();
        List<String> nobody = new ArrayList<>();
        for (String target : step.targets()) {
          resolve(target)
              .ifPresentOrElse(
                  handle -> {
                    if (!who.contains(handle)) {
                      who.add(handle);
                    }
                  },
                  () -> nobody.add(target));
        }
        List<IncidentState.PageKey> keys =
            who.isEmpty()
                ? List.of()
                : List.of(
                    new IncidentState.PageKey(
                        null, IncidentEffects.dedupKey(state.incidentId(), step.step())));
        state.escalationRan(step, who, nobody, keys, now);
      }
    }
  }

  private Optional<String> resolve(String target) {
    String name = target.substring(target.indexOf(':') + 1);
    if (target.startsWith("oncall:")) {
      return Optional.of(name.equals("primary") ? "alice" : "bob");
    }
    if (target.startsWith("role:")) {
      return Optional.ofNullable(state.roles().getOrDefault(name, CATALOG_ROLES.get(name)));
    }
    if (target.startsWith("person:")) {
      return Optional.of(name);
    }
    return Optional.empty();
  }

  /** The escalation steps run so far, as {@code "step 1 at 5m"}. */
  List<String> stepsRun() {
    return performed.stream()
        .filter(p -> p.effect() instanceof Effect.RunEscalationStep)
        .map(
            p ->
                "step "
                    + ((Effect.RunEscalationStep) p.effect()).step()
                    + " at "
                    + Durations.format(p.at()))
        .toList();
  }

  /** The effects of one kind, in order. */
  <T extends Effect> List<T> effects(Class<T> kind) {
    return performed.stream()
        .map(Performed::effect)
        .filter(kind::isInstance)
        .map(kind::cast)
        .toList();
  }

  /** When each effect of one kind was carried out, as {@code "15m"}. */
  List<String> timesOf(Class<? extends Effect> kind) {
    return performed.stream()
        .filter(p -> kind.isInstance(p.effect()))
        .map(p -> Durations.format(p.at()))
        .toList();
  }

  List<TimelineEvent> timeline() {
    return state.snapshot().newEvents();
  }

  List<TimelineEvent> events(TimelineEventType type) {
    return timeline().stream().filter(event -> event.type() == type).toList();
  }

  Transition by(String who) {
    return new Transition(who, "");
  }
}
