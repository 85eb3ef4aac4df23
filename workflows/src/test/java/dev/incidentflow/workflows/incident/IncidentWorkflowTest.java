package dev.incidentflow.workflows.incident;

import static dev.incidentflow.workflows.model.TimelineEventType.ALERT_FIRED;
import static dev.incidentflow.workflows.model.TimelineEventType.ALERT_RESOLVED;
import static dev.incidentflow.workflows.model.TimelineEventType.CHANNEL_CREATED;
import static dev.incidentflow.workflows.model.TimelineEventType.CLOSED;
import static dev.incidentflow.workflows.model.TimelineEventType.DECLARED;
import static dev.incidentflow.workflows.model.TimelineEventType.ESCALATED;
import static dev.incidentflow.workflows.model.TimelineEventType.PAGED;
import static dev.incidentflow.workflows.model.TimelineEventType.REOPENED;
import static dev.incidentflow.workflows.model.TimelineEventType.REPEAT_DETECTED;
import static dev.incidentflow.workflows.model.TimelineEventType.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.activities.ResolvedTargets;
import dev.incidentflow.workflows.activities.Staffing;
import dev.incidentflow.workflows.activities.TargetQuery;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class IncidentWorkflowTest {
  @RegisterExtension final IncidentTestEnvironment env = IncidentTestEnvironment.quickTasks();

  @Test
  void alertOpensRecordedIncidentWithChannelBriefingAndOnePage() {
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(5));

    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.TRIGGERED);
    assertThat(env.incident(1).channelName()).isEqualTo("inc-1-sev1-checkout-error-budget-burn");
    assertThat(env.incident(1).commander()).isEqualTo("alice");
    // On-call is paged while the channel opens; the page and the DM already name the channel.
    assertThat(env.timelineTypes(1)).containsExactly(DECLARED, ALERT_FIRED, PAGED, CHANNEL_CREATED);
    assertThat(env.slack.briefings)
        .singleElement()
        .satisfies(
            briefing -> {
              assertThat(briefing.incidentId()).isEqualTo("INC-1");
              assertThat(briefing.runbookUrl()).isEqualTo("https://runbooks.example.com/checkout");
            });
    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");
    assertThat(env.paging.events.get(0).customDetails())
        .containsEntry("channel", "inc-1-sev1-checkout-error-budget-burn");
    assertThat(env.slack.dmRecipients()).containsExactly("alice");
    // The commander and on-call are invited, and the stakeholders the SEV1 row invites (dana).
    assertThat(env.slack.openRequests)
        .singleElement()
        .satisfies(
            request ->
                assertThat(request.members())
                    .extracting(Person::handle)
                    .containsExactly("alice", "bob", "dana"));
    assertThat(env.slack.directMessages.get(0).text())
        .endsWith("Join #inc-1-sev1-checkout-error-budget-burn.");
    // The channel's first message after the briefing says who was paged, held until it existed.
    assertThat(env.slack.textsIn(env.incident(1).channelId()))
        .first()
        .asString()
        .startsWith("Paging <@U0ALICE> for INC-1 (SEV1)");
    assertThat(env.slack.textsIn("incidents"))
        .singleElement()
        .asString()
        .contains("INC-1 declared (SEV1, checkout)");
  }

  @Test
  void whilePagerDutyIsDownTheIncidentIsRecordedAndTheFirstPageGoesOutWhenItIsBack() {
    env.paging.down = true;
    env.beginAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(30));

    // The record is written while the page retries; what happens after it waits for the page.
    assertThat(env.paging.events).isEmpty();
    assertThat(env.incident(1).commander()).isEqualTo("alice");
    assertThat(env.timelineTypes(1)).first().isEqualTo(DECLARED);

    env.paging.down = false;
    env.sleep(Duration.ofMinutes(2));

    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");
    assertThat(env.timelineTypes(1)).contains(DECLARED, ALERT_FIRED, PAGED, CHANNEL_CREATED);
  }

  @Test
  void whileTheDatabaseIsDownANewIncidentPagesWithoutItsNumberAndOnceOnly() {
    env.store.down = true;
    env.beginAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(30));

    // On-call hears of it now; the number, which comes from the database, follows.
    String firstRun =
        env.client().newUntypedWorkflowStub("alert-a").describe().getExecution().getRunId();
    String key = "incidentflow-run-" + firstRun + "-step-0";
    assertThat(env.paging.triggeredKeys()).isNotEmpty().containsOnly(key);
    assertThat(env.paging.events.get(0).summary()).doesNotContain("INC-");

    env.store.down = false;
    env.sleep(Duration.ofMinutes(2));

    // Every trigger after the number is known stays under the same key: one alert in PagerDuty.
    List<PagerEvent> triggers = env.paging.of(PagerEvent.Action.TRIGGER);
    assertThat(triggers).extracting(PagerEvent::dedupKey).containsOnly(key);
    assertThat(triggers.get(triggers.size() - 1).summary()).contains("INC-1");
    assertThat(env.timelineTypes(1)).contains(DECLARED, ALERT_FIRED, PAGED, CHANNEL_CREATED);

    env.existing("alert-a").resolve(new Transition("alice", "rolled back"));
    env.sleep(Duration.ofSeconds(1)); // pages are told after the update answers

    assertThat(env.paging.of(PagerEvent.Action.RESOLVE))
        .singleElement()
        .extracting(PagerEvent::dedupKey)
        .isEqualTo(key);
    env.recordHistory("database-down-at-opening", "alert-a");
  }

  @Test
  void whileTheDatabaseIsDownSavesAreRetriedAndTheIncidentCarriesOn() {
    env.beginAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofMinutes(1));
    env.store.savesDown = true;

    env.existing("alert-a").alert(env.firing("alert-a"));
    env.sleep(Duration.ofMinutes(10));

    // Retried, not failed: the Java SDK does not retry a local activity that has neither a
    // maximum of attempts nor a schedule-to-close timeout, and the incident's workflow failed.
    assertThat(env.store.failedSaves.get()).isGreaterThan(1);
    assertThat(env.client().newUntypedWorkflowStub("alert-a").describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    env.store.savesDown = false;
    env.sleep(Duration.ofMinutes(2));

    assertThat(env.events(1, ALERT_FIRED)).hasSize(2);
    assertThat(env.store.conflicts()).isEmpty();
  }

  @Test
  void theFirstPageLeavesWithTheFirstActivityWhichAlsoRecordsAndStaffsTheIncident() {
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(5));

    WorkflowExecutionHistory history = env.histories("alert-a").get(0);
    assertThat(activitiesBefore("OpenIncident", history)).isEmpty();
    // The opening activity sent the page; the escalation step found it sent and sent nothing.
    assertThat(activitiesBefore("Send", history)).isNull();
    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");
    assertThat(env.events(1, PAGED))
        .singleElement()
        .satisfies(paged -> assertThat(paged.data()).containsEntry("notified", "alice"));
    assertThat(env.slack.directMessages.get(0).text()).startsWith("Paging <@U0ALICE> for INC-1");
  }

  @Test
  void theFirstWorkflowTaskRecordsOneVersionMarkerBeforeThePage() {
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(5));

    // The task ends before the page's activity is scheduled: every marker in it delays the page.
    List<String> changes = new ArrayList<>();
    for (HistoryEvent event : env.histories("alert-a").get(0).getEvents()) {
      if (event.hasActivityTaskScheduledEventAttributes()) {
        break;
      }
      if (event.hasMarkerRecordedEventAttributes()
          && event.getMarkerRecordedEventAttributes().getMarkerName().equals("Version")) {
        Payloads change = event.getMarkerRecordedEventAttributes().getDetailsOrThrow("changeId");
        changes.add(
            DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
                0, Optional.of(change), String.class, String.class));
      }
    }
    assertThat(changes).containsExactly(IncidentWorkflowImpl.BASELINE);
  }

  /**
   * The catalog answers the opening with someone whose page goes to another PagerDuty service, and
   * the incident, which resolves step 0 itself, pages alice: zoe's page must not stay open.
   */
  private void openingPagesZoeTheIncidentAlice() {
    Person zoe = new Person("zoe", "zoe", "zoe@example.com", "U0ZOE", null, "R-ZOE", null);
    env.directory.staffingTwist =
        staffing ->
            new Staffing(
                staffing.responders(),
                new TargetQuery(
                    staffing.firstPage().service(),
                    staffing.firstPage().targets(),
                    staffing.firstPage().at(),
                    Map.of("commander", "zoe")),
                new ResolvedTargets(List.of(zoe), List.of(), List.of()));
  }

  @Test
  void aFirstPageTheIncidentDidNotMakeIsResolvedWithoutHoldingTheOpeningUp() {
    openingPagesZoeTheIncidentAlice();
    env.paging.resolvesFail = true;
    env.beginAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(5));

    assertThat(env.paging.of(PagerEvent.Action.RESOLVE)).isEmpty();
    assertThat(env.timelineTypes(1)).contains(PAGED, CHANNEL_CREATED);

    env.paging.resolvesFail = false;
    env.sleep(Duration.ofMinutes(2));
    assertThat(env.paging.of(PagerEvent.Action.RESOLVE))
        .extracting(PagerEvent::routingKey)
        .containsExactly("R-ZOE");
  }

  @Test
  void aFirstPageTheIncidentDidNotMakeIsResolvedAtOnce() {
    openingPagesZoeTheIncidentAlice();
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(5));

    assertThat(env.paging.events)
        .extracting(PagerEvent::action, PagerEvent::routingKey)
        .containsExactly(
            tuple(PagerEvent.Action.TRIGGER, "R-ZOE"),
            tuple(PagerEvent.Action.TRIGGER, null),
            tuple(PagerEvent.Action.RESOLVE, "R-ZOE"));
    assertThat(env.events(1, PAGED))
        .singleElement()
        .satisfies(paged -> assertThat(paged.data()).containsEntry("notified", "alice"));
  }

  @Test
  void waitsThatEndEarlyLeaveNoTimerBehindAndRepeatedAlertsStartNone() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(10));

    // The first save waited for the page (sent already by the opening activity): no timer of that
    // wait is left; the one timer running is step 1's.
    assertThat(eventCount(EventType.EVENT_TYPE_TIMER_FIRED)).isZero();
    long started = eventCount(EventType.EVENT_TYPE_TIMER_STARTED);
    assertThat(started - eventCount(EventType.EVENT_TYPE_TIMER_CANCELED)).isEqualTo(1);

    // Alertmanager repeats the alert; each delivery wakes the incident, whose next deadline (step 1
    // at 5 minutes) stays: its timer is kept.
    for (int delivery = 0; delivery < 3; delivery++) {
      incident.alert(env.firing("alert-a"));
      env.sleep(Duration.ofSeconds(30));
    }
    assertThat(env.events(1, ALERT_FIRED)).hasSize(4);
    assertThat(eventCount(EventType.EVENT_TYPE_TIMER_STARTED)).isEqualTo(started);

    env.sleepUntil(1, Duration.ofMinutes(5).plusSeconds(5));
    assertThat(env.paging.triggeredKeys())
        .containsExactly("incidentflow-INC-1-step-0", "incidentflow-INC-1-step-1");
    assertThat(eventCount(EventType.EVENT_TYPE_TIMER_FIRED)).isEqualTo(1);
  }

  @Test
  void deadlineTimersLeaveNoWarningWhenTheWorkerLetsGoOfTheIncident() throws Exception {
    // The SDK's workflow runner (package-private) logs the unread failures when it closes.
    Logger runner =
        (Logger) LoggerFactory.getLogger("io.temporal.internal.sync.DeterministicRunnerImpl");
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    runner.addAppender(warnings);
    try {
      IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
      env.sleep(Duration.ofSeconds(10));
      // Resolving moves the next deadline from step 1 to the monitoring window's end: step 1's
      // timer
      // is cancelled.
      incident.resolve(new Transition("alice", "rolled back"));
      env.sleep(Duration.ofSeconds(10));
      assertThat(eventCount(EventType.EVENT_TYPE_TIMER_CANCELED)).isPositive();

      // The worker closes the incidents it holds after its shutdown returns; the runner logs then.
      env.stopWorker();
      Thread.sleep(2000);
    } finally {
      runner.detachAppender(warnings);
    }
    assertThat(warnings.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(message -> message.contains("never accessed"));
  }

  @Test
  void aTimerDueWithinTheTaskTimeoutIsLeftToFireRatherThanCancelled() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    // Step 1 is due at 5 minutes: resolving 5 s before it moves the next deadline, and the
    // server could fire step 1's timer while the task that would cancel it is out.
    env.sleepUntil(1, Duration.ofMinutes(5).minusSeconds(5));
    incident.resolve(new Transition("alice", "rolled back"));
    env.sleep(Duration.ofSeconds(30));

    assertThat(eventCount(EventType.EVENT_TYPE_TIMER_CANCELED)).isZero();
    assertThat(eventCount(EventType.EVENT_TYPE_TIMER_FIRED)).isEqualTo(1);
    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");
  }

  private long eventCount(EventType type) {
    return env.histories("alert-a").get(0).getEvents().stream()
        .filter(event -> event.getEventType() == type)
        .count();
  }

  @Test
  void pagesGoAheadOfSlackCallsInTheActivityQueue() {
    env.startAlertIncident("alert-a", Severity.SEV1);
    // Unacknowledged past step 1: the step pages through the paging activity itself.
    env.sleep(Duration.ofMinutes(6));

    Map<String, Set<Integer>> priorities = new TreeMap<>();
    for (HistoryEvent event : env.histories("alert-a").get(0).getEvents()) {
      if (event.hasActivityTaskScheduledEventAttributes()) {
        ActivityTaskScheduledEventAttributes scheduled =
            event.getActivityTaskScheduledEventAttributes();
        priorities
            .computeIfAbsent(scheduled.getActivityType().getName(), name -> new TreeSet<>())
            .add(scheduled.getPriority().getPriorityKey());
      }
    }

    // Key 1 goes first; 0 is unset, which the server reads as its default, 3.
    assertThat(priorities)
        .containsEntry("OpenIncident", Set.of(1))
        .containsEntry("Send", Set.of(1));
    assertThat(priorities).containsKeys("OpenChannel", "DirectMessage", "SendInOrder");
    priorities.remove("OpenIncident");
    priorities.remove("Send");
    assertThat(priorities.values()).allSatisfy(keys -> assertThat(keys).containsExactly(0));
  }

  @Test
  void theSlackMessagesQueuedAtOneMomentGoOutInOneActivity() {
    env.startAlertIncident("alert-a", Severity.SEV1);
    // Unacknowledged past step 1, which DMs bob and dana and posts in the channel after its page.
    env.sleep(Duration.ofMinutes(6));

    List<String> slackActivities = new ArrayList<>();
    for (HistoryEvent event : env.histories("alert-a").get(0).getEvents()) {
      if (event.hasActivityTaskScheduledEventAttributes()) {
        slackActivities.add(
            event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
      }
    }
    // The opening: its page, then the channel and the first DM at once, then the briefing, the
    // post that waited for the channel and the announcement together; step 1: its page, then its
    // DMs and post together.
    assertThat(slackActivities)
        .containsExactly(
            "OpenIncident", "OpenChannel", "DirectMessage", "SendInOrder", "Send", "SendInOrder");
    assertThat(env.slack.briefings).hasSize(1);
    assertThat(env.slack.dmRecipients()).containsExactly("alice", "bob", "dana");
    assertThat(env.slack.textsIn(env.slack.briefings.get(0).channelId()))
        .last()
        .asString()
        .startsWith("Escalation level 1 for INC-1: paging <@U0BOB>");
  }

  /**
   * The activities, local ones by their markers, that a run recorded before it scheduled {@code
   * activity}; null when it never did.
   */
  private static List<String> activitiesBefore(String activity, WorkflowExecutionHistory history) {
    List<String> names = new ArrayList<>();
    for (HistoryEvent event : history.getEvents()) {
      if (event.hasActivityTaskScheduledEventAttributes()) {
        String name = event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
        if (name.equals(activity)) {
          return names;
        }
        names.add(name);
      } else if (event.hasMarkerRecordedEventAttributes()
          && event.getMarkerRecordedEventAttributes().getMarkerName().equals("LocalActivity")) {
        Payloads type = event.getMarkerRecordedEventAttributes().getDetailsOrThrow("type");
        names.add(
            DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
                0, Optional.of(type), String.class, String.class));
      }
    }
    return null;
  }

  @Test
  void sameAlertGroupDeliveredAgainAttachesToTheRunningIncident() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    incident.alert(env.firing("alert-a"));
    incident.alert(env.resolvedAlert("alert-a"));
    env.sleep(Duration.ofSeconds(5));

    assertThat(env.store.incidentCount()).isEqualTo(1);
    assertThat(env.events(1, ALERT_FIRED)).hasSize(2);
    assertThat(env.events(1, ALERT_RESOLVED)).hasSize(1);
    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.TRIGGERED);
  }

  @Test
  void anIncidentResolvedBeforeAnyoneAcknowledgedResolvesItsPagesWithoutAcknowledgingThem() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);

    incident.resolve(new Transition("alice", "flapped, already over"));
    env.sleep(Duration.ofSeconds(1)); // pages are told after the update answers

    assertThat(env.paging.of(PagerEvent.Action.ACKNOWLEDGE)).isEmpty();
    assertThat(env.paging.of(PagerEvent.Action.RESOLVE))
        .singleElement()
        .extracting(PagerEvent::dedupKey)
        .isEqualTo("incidentflow-INC-1-step-0");
    env.recordHistory("resolved-before-acknowledged", "alert-a");
  }

  @Test
  void acknowledgeAndResolveReachPagerDutyWithTheTriggersDedupKey() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);

    IncidentView acknowledged = incident.acknowledge(new Transition("alice", "looking"));
    IncidentView resolved = incident.resolve(new Transition("alice", "rolled back"));
    env.sleep(Duration.ofSeconds(1)); // pages are told after the update answers

    assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(env.paging.of(PagerEvent.Action.ACKNOWLEDGE))
        .singleElement()
        .extracting(PagerEvent::dedupKey)
        .isEqualTo("incidentflow-INC-1-step-0");
    assertThat(env.paging.of(PagerEvent.Action.RESOLVE))
        .singleElement()
        .extracting(PagerEvent::dedupKey)
        .isEqualTo("incidentflow-INC-1-step-0");
    assertThat(env.incident(1).statusTimes())
        .containsKeys(IncidentStatus.ACKNOWLEDGED, IncidentStatus.RESOLVED);
  }

  @Test
  void acknowledgingAResolvedIncidentIsRefusedWithTheReasonAndChangesNothing() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    incident.resolve(new Transition("alice", ""));
    int events = env.store.timeline(1).size();

    assertThatThrownBy(() -> incident.acknowledge(new Transition("bob", "")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("INC-1 is already resolved")
        .extracting(failure -> ((ApplicationFailure) failure).getType())
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(env.store.timeline(1)).hasSize(events);
    assertThat(incident.view().status()).isEqualTo(IncidentStatus.RESOLVED);
  }

  @Test
  void acknowledgingTwiceNamesWhoAcknowledged() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    incident.acknowledge(new Transition("bob", ""));

    assertThatThrownBy(() -> incident.acknowledge(new Transition("alice", "")))
        .rootCause()
        .hasMessageContaining("INC-1 is already acknowledged by bob");
  }

  @Test
  void resolvedIncidentClosesWhenTheMonitoringWindowEndsAndItsChannelIsArchived() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    incident.resolve(new Transition("alice", ""));

    env.sleep(Duration.ofMinutes(29));
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.RESOLVED);

    // Waiting on the result skips time to the window's end. (Sleeping past it instead took a
    // minute of real time: with nothing left running, the test server skips no time.)
    assertThat(env.awaitOutcome("alert-a").status()).isEqualTo(IncidentStatus.CLOSED);
    java.time.Instant windowEnds =
        env.store
            .incident(1)
            .statusTimes()
            .get(IncidentStatus.RESOLVED)
            .plus(Duration.ofMinutes(30));
    assertThat(env.store.incident(1).statusTimes().get(IncidentStatus.CLOSED))
        .isBetween(windowEnds, windowEnds.plusSeconds(1));
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.CLOSED);
    assertThat(env.timelineTypes(1)).endsWith(RESOLVED, CLOSED);
    assertThat(env.slack.archived)
        .singleElement()
        .extracting(c -> c.name())
        .isEqualTo("inc-1-sev1-checkout-error-budget-burn");
    assertThat(RecordingPostmortemWorkflow.STARTED)
        .singleElement()
        .satisfies(
            postmortem -> {
              assertThat(postmortem.incidentNumber()).isEqualTo(1);
              assertThat(postmortem.due()).isEqualTo(Duration.ofHours(24));
            });
    env.recordHistory("monitoring-window-closes", "alert-a");
  }

  @Test
  void firingAlertDuringTheMonitoringWindowReopensAndTheWindowRestartsAtTheNextResolve() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    incident.resolve(new Transition("alice", ""));
    env.sleep(Duration.ofMinutes(20));

    incident.alert(env.firing("alert-a"));
    env.sleep(Duration.ofSeconds(5));
    assertThat(incident.view().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(env.timelineTypes(1)).contains(REOPENED);
    assertThat(env.incident(1).statusTimes()).doesNotContainKey(IncidentStatus.RESOLVED);
    // Its pages were resolved: the primary is paged again, under a key of its own.
    assertThat(env.paging.triggeredKeys())
        .containsExactly("incidentflow-INC-1-step-0", "incidentflow-INC-1-step-0-sev1");
    assertThat(env.events(1, TimelineEventType.PAGED))
        .extracting(TimelineEvent::text)
        .containsExactly("Paged alice", "Paged alice");

    incident.resolve(new Transition("alice", "for real"));
    env.sleep(Duration.ofMinutes(25));
    assertThat(incident.view().status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(env.paging.of(PagerEvent.Action.RESOLVE))
        .extracting(PagerEvent::dedupKey)
        .contains("incidentflow-INC-1-step-0-sev1");
    // Waiting on the result skips time to the monitoring window's end, 5 minutes on.
    assertThat(env.awaitOutcome("alert-a").status()).isEqualTo(IncidentStatus.CLOSED);
    env.recordHistory("alert-reopens-during-monitoring", "alert-a");
  }

  @Test
  void loweredFromSev1AfterTheManagerWasToldTheIncidentTellsThemNoMoreInTheSameGap() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    incident.acknowledge(new Transition("alice", ""));
    env.sleepUntil(1, Duration.ofMinutes(40));
    incident.changeSeverity(new SeverityChange(Severity.SEV2, "alice", "one region"));
    env.sleepUntil(1, Duration.ofMinutes(65));

    assertThat(env.events(1, TimelineEventType.UPDATE_OVERDUE)).hasSize(4);
    // Told at SEV1's second notice, 30m; SEV2's second, at 1h, is in the same gap.
    assertThat(env.slack.directMessages)
        .filteredOn(message -> message.text().contains("has had no status update"))
        .hasSize(1);
  }

  @Test
  void aLoweredIncidentReopenedByItsAlertFiringAnewAsCriticalPagesSev1sFirstStepAtOnce() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV2);
    incident.changeSeverity(new SeverityChange(Severity.SEV3, "bob", "one region, no money lost"));
    incident.resolve(new Transition("bob", "rolled back"));
    env.sleep(Duration.ofMinutes(5));
    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");

    incident.alert(env.firing("alert-a", Severity.SEV1));
    env.sleep(Duration.ofSeconds(5));

    assertThat(incident.view().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(incident.view().severity()).isEqualTo(Severity.SEV1);
    // SEV3 pages nobody, so the reopening alone paged nobody: raised to SEV1 by the alert, it
    // pages SEV1's first step at once.
    assertThat(env.paging.triggeredKeys()).hasSize(2);
    assertThat(env.events(1, TimelineEventType.PAGED)).hasSize(2);
  }

  /**
   * One of the group's alerts resolved before the other, so Alertmanager sent the group again, its
   * other alert still firing: that wakes nobody. An alert that fires anew reopens it and pages.
   */
  @Test
  void firingSentAgainWhileResolvedLeavesItResolvedAndAnAlertFiringAnewReopensIt() {
    Instant started = env.now().minus(Duration.ofMinutes(3));
    IncidentWorkflow incident = env.stub("alert-a");
    WorkflowClient.start(incident::run, TestIncidents.alert("group-alert-a", Severity.SEV1));
    incident.alert(env.firing("alert-a", Severity.SEV1, List.of(started)));
    incident.registered();
    incident.resolve(new Transition("alice", "rolled back"));
    env.sleep(Duration.ofMinutes(5));

    incident.alert(env.firing("alert-a", Severity.SEV1, List.of(started)));
    incident.alert(env.firing("alert-a", Severity.SEV1, List.of(started)));
    env.sleep(Duration.ofSeconds(5));
    assertThat(incident.view().status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");
    assertThat(env.slack.textsIn("C100"))
        .filteredOn(text -> text.startsWith("Alert still firing: "))
        .hasSize(1);

    incident.alert(env.firing("alert-a", Severity.SEV1, List.of(started, env.now())));
    env.sleep(Duration.ofSeconds(5));
    assertThat(incident.view().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(env.paging.triggeredKeys())
        .containsExactly("incidentflow-INC-1-step-0", "incidentflow-INC-1-step-0-sev1");

    incident.resolve(new Transition("alice", "for real"));
    assertThat(env.awaitOutcome("alert-a").status()).isEqualTo(IncidentStatus.CLOSED);
    env.recordHistory("alert-sent-again-while-resolved", "alert-a");
  }

  @Test
  void declaredIncidentNamesItsCommander() {
    IncidentWorkflow incident = env.stub("declared-1");
    io.temporal.client.WorkflowClient.start(
        incident::run,
        TestIncidents.declared("Search is slow", Severity.SEV2, "search", "carol", "carol"));

    IncidentView view = incident.registered();

    assertThat(view.incidentId()).isEqualTo("INC-1");
    assertThat(view.commander()).isEqualTo("carol");
    assertThat(env.store.timeline(1).get(0).by()).isEqualTo("carol");
    assertThat(env.timelineTypes(1)).doesNotContain(ESCALATED);
  }

  @Test
  void briefingIsFollowedByWhoIsPagedThenRecentDeploysSimilarIncidentsAndTheRepeat() {
    env.context.answer =
        new dev.incidentflow.workflows.activities.IncidentContext(
            java.util.List.of(
                new dev.incidentflow.workflows.activities.Deploy(
                    7,
                    "checkout",
                    "v2.31.0",
                    "abc123",
                    "https://deploys.example.com/7",
                    java.time.Instant.parse("2026-11-20T01:40:00Z"),
                    "bob")),
            java.util.List.of(
                new dev.incidentflow.workflows.activities.SimilarIncident(
                    "INC-3",
                    "Checkout 5xx after deploy",
                    IncidentStatus.CLOSED,
                    java.time.Instant.parse("2026-11-01T10:00:00Z"))),
            "INC-3");

    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(5));

    List<String> posts = env.slack.textsIn(env.incident(1).channelId());
    // The briefing, then who is paged, then what is known.
    assertThat(posts).first().asString().startsWith("Paging ");
    assertThat(posts)
        .anySatisfy(
            text ->
                assertThat(text)
                    .contains("Repeat: this looks like INC-3")
                    .contains("checkout v2.31.0 at Nov 20 01:40 UTC by bob")
                    .contains("INC-3 Checkout 5xx after deploy (closed)"));
    assertThat(env.events(1, REPEAT_DETECTED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.data()).containsEntry("repeatOf", "INC-3");
              assertThat(event.text()).startsWith("Repeat of INC-3");
            });
  }

  @Test
  void aChannelSlackRefusesToOpenDoesNotStopThePageOrTheAnnouncement() {
    env.slack.rejectChannels = true;

    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(5));

    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");
    assertThat(env.timelineTypes(1)).containsExactly(DECLARED, ALERT_FIRED, PAGED);
    assertThat(env.incident(1).channelName()).isNull();
    assertThat(env.slack.briefings).isEmpty();
    // alice was paged and told to join the channel while it was being opened; then she hears it
    // never opened and where to follow the incident instead.
    assertThat(env.slack.directMessages)
        .extracting(message -> message.person().handle() + ": " + message.text())
        .containsExactly(
            "alice: Paging <@U0ALICE> for INC-1 (SEV1): Checkout error budget burn."
                + " Join #inc-1-sev1-checkout-error-budget-burn.",
            "alice: Slack could not open #inc-1-sev1-checkout-error-budget-burn for INC-1;"
                + " follow it in #incidents.");
    // Only the stakeholder announcement: the held "Paging ..." post had no channel to go to.
    assertThat(env.slack.messages)
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.channel()).isEqualTo("incidents");
              assertThat(message.text())
                  .contains("INC-1 declared (SEV1, checkout)")
                  .doesNotContain(" in #");
            });
  }

  @Test
  void anIncidentThatRepeatsNothingHasNoRepeatOnItsTimeline() {
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleep(Duration.ofSeconds(5));

    assertThat(env.timelineTypes(1)).contains(CHANNEL_CREATED).doesNotContain(REPEAT_DETECTED);
  }
}
