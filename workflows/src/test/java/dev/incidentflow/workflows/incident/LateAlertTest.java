package dev.incidentflow.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LateAlertTest {
  @RegisterExtension final IncidentTestEnvironment env = new IncidentTestEnvironment();

  @Test
  void alertFiringWhileTheIncidentClosesOpensANewIncidentInsteadOfBeingLost() {
    IncidentWorkflow incident = env.stub("alert-late");
    IncidentInput input = new IncidentInput("alertmanager", "group-late", "Checkout error budget burn", "",
        Severity.SEV2, "checkout", "system", null, Map.of(), List.of(), null);
    WorkflowClient.start(incident::run, input);
    incident.registered();
    incident.resolve(new Transition("alice", ""));
    CountDownLatch closing = new CountDownLatch(1);
    env.slack.archiveGate = closing;
    env.sleep(Duration.ofMinutes(31));
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.CLOSED);

    // The run is closed but still archiving its channel when the group fires again.
    incident.alert(env.firing("alert-late"));
    closing.countDown();
    env.sleep(Duration.ofSeconds(5));

    assertThat(env.store.incidentCount()).isEqualTo(2);
    assertThat(env.incident(1).status()).isEqualTo(IncidentStatus.CLOSED);
    assertThat(env.incident(2).status()).isEqualTo(IncidentStatus.TRIGGERED);
    assertThat(env.slack.channels).hasSize(2);
  }
}
