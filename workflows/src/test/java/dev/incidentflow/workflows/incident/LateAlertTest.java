package dev.incidentflow.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LateAlertTest {
  @RegisterExtension final IncidentTestEnvironment env = new IncidentTestEnvironment();

  @Test
  void alertFiringWhileTheIncidentClosesOpensANewIncidentInsteadOfBeingLost()
      throws InterruptedException {
    IncidentWorkflow incident = env.stub("alert-late");
    IncidentInput input = TestIncidents.alert("group-late", Severity.SEV2);
    WorkflowClient.start(incident::run, input);
    incident.registered();
    incident.resolve(new Transition("alice", ""));
    CountDownLatch closing = new CountDownLatch(1);
    env.slack.archiveGate = closing;
    // While the closed run is still archiving its channel, the group fires again.
    Thread alertmanager =
        new Thread(
            () -> {
              while (env.incident(1).status() != IncidentStatus.CLOSED) {
                Thread.onSpinWait();
              }
              incident.alert(env.firing("alert-late"));
              closing.countDown();
            });
    alertmanager.start();
    // Just past the 30-minute window: whatever is left of a sleep once the incident has closed,
    // the test server lets pass in real time.
    env.sleep(Duration.ofMinutes(30).plusSeconds(2));
    alertmanager.join(10_000);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while ((env.store.incidentCount() < 2 || env.incident(2) == null)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    assertThat(env.store.incidentCount()).isEqualTo(2);
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.CLOSED);
    assertThat(env.incident(2).status()).isEqualTo(IncidentStatus.TRIGGERED);
    // The group fired again as critical: the new incident opens at that, not at the SEV2 of the
    // first incident's first delivery.
    assertThat(env.incident(2).severity()).isEqualTo(Severity.SEV1);
    assertThat(env.slack.channels).hasSize(2);
  }

  @Test
  void alertFiringWhileACanceledIncidentWindsDownOpensANewIncidentInsteadOfBeingLost()
      throws InterruptedException {
    IncidentWorkflow incident = env.stub("alert-late");
    WorkflowClient.start(incident::run, TestIncidents.alert("group-late", Severity.SEV2));
    incident.registered();
    CountDownLatch archiving = new CountDownLatch(1);
    env.slack.archiveGate = archiving;
    incident.cancel(new Transition("alice", "false alarm"));
    // The canceled run waits to archive its channel; meanwhile the group fires again, and its
    // sender hears 202 "fired". After the run ended the same delivery would open the group's next
    // incident; in the wind-down it was dropped.
    incident.alert(env.firing("alert-late"));
    archiving.countDown();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while ((env.store.incidentCount() < 2 || env.incident(2) == null)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    assertThat(env.store.incidentCount()).isEqualTo(2);
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.CANCELED);
    assertThat(env.incident(2).status()).isEqualTo(IncidentStatus.TRIGGERED);
    assertThat(env.incident(2).severity()).isEqualTo(Severity.SEV1);
    assertThat(env.slack.archived).hasSize(1);
  }
}
