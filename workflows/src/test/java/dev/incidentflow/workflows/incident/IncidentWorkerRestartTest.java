package dev.incidentflow.workflows.incident;

import static dev.incidentflow.workflows.model.TimelineEventType.ESCALATED;
import static dev.incidentflow.workflows.model.TimelineEventType.UPDATE_OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker process goes away mid-incident and a new one takes over: the incident's timers live on
 * the server, so each fires once, and the new worker rebuilds the incident from its history without
 * opening a second channel or paging anyone twice.
 */
class IncidentWorkerRestartTest {
  @RegisterExtension final IncidentTestEnvironment env = IncidentTestEnvironment.restartable();

  private void sleepUntil(Duration sinceStart) {
    env.sleepUntil(1, sinceStart);
  }

  @Test
  void newWorkerTakesOverFromAStoppedOneAndEveryTimerFiresOnce() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    sleepUntil(Duration.ofMinutes(5).minusMillis(500));
    assertThat(env.paging.triggeredKeys()).containsExactly("incidentflow-INC-1-step-0");

    // Level 1 comes due while no worker runs; the new worker runs it, once.
    env.stopWorker();
    env.sleep(Duration.ofSeconds(1));
    assertThat(env.events(1, ESCALATED)).isEmpty();
    env.startNewWorker();
    sleepUntil(Duration.ofMinutes(12));
    assertThat(env.paging.triggeredKeys())
        .containsExactly(
            "incidentflow-INC-1-step-0", "incidentflow-INC-1-step-1", "incidentflow-INC-1-step-2");

    env.stopWorker();
    env.startNewWorker();
    incident.acknowledge(new Transition("bob", ""));
    env.stopWorker();
    env.startNewWorker();
    sleepUntil(Duration.ofMinutes(31));
    incident.resolve(new Transition("bob", "fixed"));
    env.stopWorker();
    env.startNewWorker();
    sleepUntil(Duration.ofMinutes(62));

    assertEverySideEffectHappenedOnce();
    env.recordHistory("worker-restart", "alert-a");
  }

  @Test
  void newWorkerTakesOverFromAKilledOneAndEveryTimerFiresOnce() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    sleepUntil(Duration.ofMinutes(5).minusMillis(500));

    env.killWorker();
    env.sleep(Duration.ofSeconds(1));
    env.startNewWorker();
    sleepUntil(Duration.ofMinutes(12));
    incident.acknowledge(new Transition("bob", ""));
    env.killWorker();
    env.startNewWorker();
    sleepUntil(Duration.ofMinutes(31));
    incident.resolve(new Transition("bob", "fixed"));
    env.killWorker();
    env.startNewWorker();
    sleepUntil(Duration.ofMinutes(62));

    assertEverySideEffectHappenedOnce();
  }

  private void assertEverySideEffectHappenedOnce() {
    assertThat(env.awaitOutcome("alert-a").status()).isEqualTo(IncidentStatus.CLOSED);
    assertThat(env.paging.triggeredKeys())
        .containsExactly(
            "incidentflow-INC-1-step-0",
            "incidentflow-INC-1-step-1",
            "incidentflow-INC-1-step-2",
            "incidentflow-INC-1-step-3");
    assertThat(env.events(1, ESCALATED))
        .extracting(event -> event.data().get("level"))
        .containsExactly("1", "2", "3");
    assertThat(env.events(1, UPDATE_OVERDUE)).hasSize(2);
    assertThat(env.slack.openCalls).isEqualTo(1);
    assertThat(env.slack.channels).hasSize(1);
    assertThat(env.slack.briefings).hasSize(1);
    assertThat(env.slack.archived).hasSize(1);
    assertThat(env.slack.dmRecipients())
        .containsExactly("alice", "bob", "dana", "erin", "frank", "dana");
    assertThat(env.slack.textsIn("incidents"))
        .filteredOn(text -> text.startsWith("INC-1 declared"))
        .hasSize(1);
    assertThat(env.store.incidentCount()).isEqualTo(1);
    assertThat(env.store.timeline(1))
        .extracting(TimelineEvent::sequence)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, env.store.timeline(1).size()).boxed().toList());
    assertThat(env.store.conflicts()).isEmpty();
  }
}
