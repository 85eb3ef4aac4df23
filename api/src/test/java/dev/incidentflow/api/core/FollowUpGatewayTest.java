package dev.incidentflow.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.workflows.postmortem.Postmortems;
import dev.incidentflow.workflows.postmortem.Publication;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How long publishing a postmortem can keep its caller waiting. */
class FollowUpGatewayTest {
  private TestWorkflowEnvironment temporal;

  @BeforeEach
  void startTemporal() {
    temporal = TestWorkflowEnvironment.newInstance();
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  @Test
  void aPublicationThePostmortemWorkflowDoesNotTakeIsAnswered503AfterTheWait() {
    // The postmortem's workflow runs, but no worker polls its task queue (all workers down), so
    // nothing takes the Update (nor reads the input it was started with).
    WorkflowClient client = temporal.getWorkflowClient();
    client
        .newUntypedWorkflowStub(
            "PostmortemWorkflow",
            WorkflowOptions.newBuilder()
                .setWorkflowId(Postmortems.workflowId(7))
                .setTaskQueue("nobody-polls-this")
                .build())
        .start("never read");
    FollowUpGateway gateway =
        new FollowUpGateway(
            client, Duration.ofSeconds(1), new BoundedChanges(Duration.ofSeconds(2)));

    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThatThrownBy(
                    () ->
                        gateway.publish(
                            7,
                            new Publication("https://wiki.example.com/pm/7", "summary", "carol")))
                .isInstanceOfSatisfying(
                    ApiException.class,
                    refused -> {
                      assertThat(refused.status()).isEqualTo(503);
                      assertThat(refused.getMessage())
                          .isEqualTo(
                              "the postmortem of INC-7 did not confirm the change within 2 s (its"
                                  + " worker or the database is slow or down); it may still be"
                                  + " made");
                      assertThat(refused.details())
                          .containsExactly(
                              "read GET /v1/incidents/INC-7/postmortem before sending it again");
                    }));
  }
}
