package dev.incidentflow.workflows.incident;

import static dev.incidentflow.workflows.model.TimelineEventType.CHANNEL_CREATED;
import static dev.incidentflow.workflows.model.TimelineEventType.DECLARED;
import static dev.incidentflow.workflows.model.TimelineEventType.ESCALATED;
import static dev.incidentflow.workflows.model.TimelineEventType.PAGED;
import static dev.incidentflow.workflows.model.TimelineEventType.TICKET_CREATED;
import static dev.incidentflow.workflows.model.TimelineEventType.UPDATE_OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import io.temporal.api.common.v1.Payloads;
import io.temporal.client.BatchRequest;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A long incident continues as new, with the threshold lowered so that it does so several times.
 */
class IncidentContinueAsNewTest {
  static final IncidentWorkflowSettings LOW_THRESHOLD = new IncidentWorkflowSettings(100);

  @RegisterExtension final IncidentTestEnvironment env = new IncidentTestEnvironment(LOW_THRESHOLD);

  @Test
  @Timeout(120) // before the fix, the acknowledgement never answered
  void aLongSlackOutageNeitherStopsTheIncidentNorLosesItsPostsAcrossRuns() throws Exception {
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.slack.down = true;
    env.sleepUntil(1, Duration.ofMinutes(121));

    // The history grew long while the notices' posts waited for Slack: timers still fired, and a
    // change is still taken and saved.
    assertThat(env.events(1, UPDATE_OVERDUE)).hasSize(8);
    WorkflowUpdateHandle<IncidentView> acknowledging =
        WorkflowStub.fromTyped(env.existing("alert-a"))
            .startUpdate(
                UpdateOptions.newBuilder(IncidentView.class)
                    .setUpdateName("acknowledge")
                    .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                    .build(),
                new Transition("bob", "on it"));
    assertThat(acknowledging.getResultAsync().get(30, TimeUnit.SECONDS).status())
        .isEqualTo(IncidentStatus.ACKNOWLEDGED);
    int runsDuringOutage = env.histories("alert-a").size();

    env.slack.down = false;
    env.sleep(Duration.ofMinutes(5));

    assertThat(env.histories("alert-a").size()).as("runs").isGreaterThan(runsDuringOutage);
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(env.slack.messages)
        .filteredOn(message -> message.text().contains("A status update for INC-1 is overdue"))
        .hasSize(8);
  }

  @Test
  void anIncidentWhoseHistoryGrewLongWhileItWaitedContinuesAsNewWithoutWaitingForItsNextTimer() {
    env.startAlertIncident("alert-a", Severity.SEV1);
    env.slack.down = true;
    env.sleepUntil(1, Duration.ofMinutes(21));
    // Steps 0 to 3 paged and the first overdue notice came while their channel posts and DMs
    // waited for Slack: the run waits for its next timer, and cannot continue as new while calls
    // are queued, however long its history. (The outage alone once left it under the threshold;
    // each version marker the workflow records adds an event, and it is past it now. Either way
    // the run is waiting when the history is long, which is what this tests.)
    assertThat(env.histories("alert-a")).as("runs during the outage").hasSize(1);

    env.slack.down = false;
    // Slack's answers to the queued calls, and Alertmanager re-sending the firing alert, take the
    // history past the threshold; the next timer is the overdue notice at 30 minutes. (The queued
    // messages go out four to an activity, and how they group varies from run to run: the answers
    // alone left the history under the threshold once in a few runs.)
    // Twenty re-sends: with ten the history was 108 events here against the threshold of 100,
    // since a run records one version marker at its start, not 23.
    for (int resent = 0; resent < 20; resent++) {
      env.sleep(Duration.ofSeconds(5));
      env.existing("alert-a").alert(env.firing("alert-a"));
    }
    env.sleepUntil(1, Duration.ofMinutes(24));

    assertThat(env.histories("alert-a")).as("runs").hasSizeGreaterThan(1);
    assertThat(env.slack.briefings).hasSize(1);
    assertThat(env.paging.triggeredKeys())
        .containsExactly(
            "incidentflow-INC-1-step-0",
            "incidentflow-INC-1-step-1",
            "incidentflow-INC-1-step-2",
            "incidentflow-INC-1-step-3");
  }

  @Test
  void incidentCarriesItsStateAcrossRunsAndEveryTimerFiresOnce() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleepUntil(1, Duration.ofMinutes(12));
    incident.alert(env.firing("alert-a"));
    incident.acknowledge(new Transition("bob", "looking"));
    // Alertmanager re-sends the firing alert while it lasts. (Every two minutes: a run's first task
    // records one version marker now, not 23, and at every five the history had passed the
    // threshold twice in some runs only.)
    for (int minute = 20; minute < 50; minute += 2) {
      env.sleepUntil(1, Duration.ofMinutes(minute));
      incident.alert(env.firing("alert-a"));
    }
    env.sleepUntil(1, Duration.ofMinutes(50));

    assertThat(env.histories("alert-a")).as("runs").hasSizeGreaterThan(2);
    assertThat(env.paging.triggeredKeys())
        .containsExactly(
            "incidentflow-INC-1-step-0",
            "incidentflow-INC-1-step-1",
            "incidentflow-INC-1-step-2",
            "incidentflow-INC-1-step-3");
    assertThat(env.slack.openCalls).isEqualTo(1);
    assertThat(env.slack.briefings).hasSize(1);
    assertThat(env.store.incidentCount()).isEqualTo(1);
    assertThat(env.events(1, ESCALATED))
        .extracting(event -> event.data().get("level"))
        .containsExactly("1", "2", "3");
    assertThat(env.events(1, UPDATE_OVERDUE))
        .extracting(TimelineEvent::text)
        .containsExactly(
            "No status update for 15m", "No status update for 30m", "No status update for 45m");
    assertThat(env.slack.dmRecipients())
        .containsExactly("alice", "bob", "dana", "erin", "frank", "dana");
    assertThat(env.timelineTypes(1))
        .filteredOn(type -> type == DECLARED || type == CHANNEL_CREATED || type == PAGED)
        .containsExactly(DECLARED, PAGED, CHANNEL_CREATED);
    assertThat(env.store.timeline(1))
        .extracting(TimelineEvent::sequence)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, env.store.timeline(1).size()).boxed().toList());
    assertThat(env.store.conflicts()).isEmpty();

    IncidentView view = incident.view();
    assertThat(view.incidentId()).isEqualTo("INC-1");
    assertThat(view.escalationLevel()).isEqualTo(3);
    assertThatThrownBy(() -> incident.acknowledge(new Transition("alice", "")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("INC-1 is already acknowledged by bob");

    incident.resolve(new Transition("bob", "fixed"));
    // Waiting on the result skips time to the monitoring window's end (sleeping past it does not).
    assertThat(env.awaitOutcome("alert-a").status()).isEqualTo(IncidentStatus.CLOSED);
    assertThat(env.slack.archived).hasSize(1);
    assertThat(env.store.conflicts()).isEmpty();
    env.recordHistory("continue-as-new", "alert-a");
  }

  /**
   * A delivery that reaches a continued run before a worker took the run's first workflow task is
   * handed to the run before its code has the carried state, as a new incident's first delivery is:
   * the run takes it once the state is in.
   */
  @Test
  void anAlertThatReachesAContinuedRunBeforeItsFirstTaskIsTakenByIt() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV3);
    for (int i = 0; i < 60; i++) {
      incident.alert(env.firing("alert-a", Severity.SEV3));
    }
    env.sleep(Duration.ofMinutes(1));
    List<WorkflowExecutionHistory> runs = env.histories("alert-a");
    assertThat(runs).as("runs").hasSizeGreaterThan(1);
    IncidentInput continued = startInput(runs.get(runs.size() - 1));
    assertThat(continued.carried()).isNotNull();
    assertThat(env.incident(1).severity()).isEqualTo(Severity.SEV3);
    assertThat(env.paging.triggeredKeys()).as("SEV3 pages nobody").isEmpty();

    // That run's start again, with a delivery in its first task: as Temporal starts a continued run
    // and a signal-with-start finds it before any worker took its first task. (Deliveries the run
    // took after its start are not in its input: the timeline may then refuse the new run's events
    // as taken, which the severity and the page below do not depend on.)
    WorkflowStub.fromTyped(env.existing("alert-a")).terminate("started again with a delivery");
    IncidentWorkflow again = env.stub("alert-a");
    BatchRequest start = env.client().newSignalWithStartRequest();
    start.add(again::run, continued);
    start.add(again::alert, env.firing("alert-a", Severity.SEV1));
    env.client().signalWithStart(start);
    env.sleep(Duration.ofMinutes(1));
    // The run may take its first task only as the sleep ends, and it saves in the background.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (env.incident(1).severity() != Severity.SEV1 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }

    // It fired as critical: the incident is raised, and pages, as by any other delivery.
    assertThat(env.incident(1).severity()).isEqualTo(Severity.SEV1);
    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");
  }

  private IncidentInput startInput(WorkflowExecutionHistory run) {
    Payloads input = run.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getInput();
    return env.client()
        .getOptions()
        .getDataConverter()
        .fromPayloads(0, Optional.of(input), IncidentInput.class, IncidentInput.class);
  }

  /** The next run would not hear the tracker's answer: the run waits for it before continuing. */
  @Test
  void anIncidentWhoseHistoryGrowsLongWhileJiraIsDownContinuesAsNewOnlyOnceItsTicketIsIn() {
    env.tracker.outagesBeforeCreate.set(9);
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV3);
    // Sixty re-sends take the history past the threshold however they group into workflow tasks
    // (forty did, with the 23 version markers a run took at its start before the baseline).
    for (int i = 0; i < 60; i++) {
      incident.alert(env.firing("alert-a", Severity.SEV3));
    }
    env.sleep(Duration.ofMinutes(30));

    assertThat(env.histories("alert-a")).as("runs").hasSizeGreaterThan(1);
    assertThat(env.tracker.issues).containsOnlyKeys("PAY-1");
    assertThat(env.events(1, TICKET_CREATED)).hasSize(1);
  }
}
