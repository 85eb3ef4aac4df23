package dev.incidentflow.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.api.UnpolledIncidents;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.workflows.incident.IncidentWorkflow;
import dev.incidentflow.workflows.incident.Transition;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.ActionItemPolicy;
import dev.incidentflow.workflows.postmortem.ActionItemInput;
import dev.incidentflow.workflows.postmortem.Handover;
import dev.incidentflow.workflows.postmortem.Postmortems;
import dev.incidentflow.workflows.postmortem.Publication;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How long a change to an incident, or a postmortem's publication, can keep its caller waiting. */
class IncidentGatewayTest {
  private static final String WORKFLOW_ID = "declared-00000000-0000-0000-0000-000000000001";

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
  void aChangeTheWorkflowDoesNotTakeIsAnswered503AfterTheWaitInsteadOfHeldForever() {
    // The incident's workflow runs, but no worker polls its task queue (all workers down), so
    // nothing takes the Update: it waited for as long as that lasted.
    WorkflowClient client = temporal.getWorkflowClient();
    String runId = UnpolledIncidents.start(client, WORKFLOW_ID);
    IncidentGateway gateway =
        new IncidentGateway(
            client, Duration.ofSeconds(1), new BoundedChanges(Duration.ofSeconds(2)));

    assertNotConfirmedWithinTwoSeconds(
        () ->
            gateway.update(
                triggered(runId),
                workflow -> workflow.acknowledge(new Transition("alice", null, "INC-1"))),
        "INC-1",
        "/v1/incidents/INC-1");
  }

  @Test
  void aDeclarationNoWorkerTakesUpIsAnsweredWithoutItsIncidentAfterTheWait() {
    // No worker runs: Temporal's wait for one to accept the question "registered?" has no end of
    // its own, and it held the caller (an HTTP request, a Slack thread) until one came.
    IncidentGateway gateway =
        new IncidentGateway(
            temporal.getWorkflowClient(),
            Duration.ofSeconds(1),
            new BoundedChanges(Duration.ofSeconds(2)));

    IncidentGateway.Declared declared =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> gateway.declare(UnpolledIncidents.declaration()));

    assertThat(declared.view()).isEmpty();
    assertThat(gateway.declarationStage(declared.workflowId())).isEqualTo(DeclarationStage.OPENING);
  }

  @Test
  void anActionItemNoWorkerTakesUpIsAnsweredWithoutItsViewAfterTheWait() {
    FollowUpGateway gateway =
        new FollowUpGateway(
            temporal.getWorkflowClient(),
            Duration.ofSeconds(1),
            new BoundedChanges(Duration.ofSeconds(2)));
    ActionItemInput item =
        new ActionItemInput(
            7,
            "checkout",
            "Add a burn-rate alert for the checkout canary",
            "bob",
            LocalDate.parse("2026-12-08"),
            ActionItemKind.IMPROVEMENT,
            "alice",
            ActionItemPolicy.defaults(),
            0,
            null);

    FollowUpGateway.Added added =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> gateway.add(item, null));

    assertThat(added.view()).isEmpty();
  }

  @Test
  void aPublicationThePostmortemWorkflowDoesNotTakeIsAnswered503AfterTheWait() {
    FollowUpGateway gateway = gatewayToAPostmortemNoWorkerTakes();

    assertNotConfirmedWithinTwoSeconds(
        () ->
            gateway.publish(
                7, new Publication("https://wiki.example.com/pm/7", "summary", "carol")),
        "the postmortem of INC-7",
        "/v1/incidents/INC-7/postmortem");
  }

  @Test
  void aHandoverThePostmortemWorkflowDoesNotTakeIsAnswered503AfterTheWait() {
    FollowUpGateway gateway = gatewayToAPostmortemNoWorkerTakes();

    assertNotConfirmedWithinTwoSeconds(
        () -> gateway.handOver(7, new Handover("bob", "carol")),
        "the postmortem of INC-7",
        "/v1/incidents/INC-7/postmortem");
  }

  @Test
  void aHandoverAWorkerOlderThanHandoversRefusesIsAnswered503AskingForTheUpgrade() {
    Worker older = temporal.newWorker(IncidentWorkflow.TASK_QUEUE);
    older.registerWorkflowImplementationTypes(OlderPostmortemWorkflowImpl.class);
    temporal.start();
    WorkflowClient client = temporal.getWorkflowClient();
    OlderPostmortemWorkflow postmortem =
        client.newWorkflowStub(
            OlderPostmortemWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(Postmortems.workflowId(7))
                .setTaskQueue(IncidentWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(postmortem::run, "an input");
    FollowUpGateway gateway =
        new FollowUpGateway(
            client, Duration.ofSeconds(1), new BoundedChanges(Duration.ofSeconds(20)));

    assertThatThrownBy(() -> gateway.handOver(7, new Handover("bob", "carol")))
        .isInstanceOfSatisfying(
            ApiException.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(503);
              assertThat(refused.getMessage())
                  .isEqualTo(
                      "the worker running the postmortem of INC-7 is older than this API and"
                          + " cannot hand it over; nothing was changed");
            });
  }

  /** The postmortem workflow as a worker from before hand-overs runs it: it knows no handOver. */
  @WorkflowInterface
  public interface OlderPostmortemWorkflow {
    @WorkflowMethod(name = "PostmortemWorkflow")
    String run(String input);

    @UpdateMethod
    String publish(String publication);
  }

  public static final class OlderPostmortemWorkflowImpl implements OlderPostmortemWorkflow {
    @Override
    public String run(String input) {
      Workflow.await(() -> false);
      return input;
    }

    @Override
    public String publish(String publication) {
      return publication;
    }
  }

  /** {@code change} is answered 503 after the gateway's 2 s wait, not held until it is made. */
  private static void assertNotConfirmedWithinTwoSeconds(
      ThrowingCallable change, String subject, String path) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThatThrownBy(change)
                .isInstanceOfSatisfying(
                    ApiException.class,
                    refused -> {
                      assertThat(refused.status()).isEqualTo(503);
                      assertThat(refused.getMessage())
                          .isEqualTo(
                              subject
                                  + " did not confirm the change within 2 s (its worker or the"
                                  + " database is slow or down); it may still be made");
                      assertThat(refused.details())
                          .containsExactly("read GET " + path + " before sending it again");
                    }));
  }

  private static IncidentRecord triggered(String runId) {
    return new IncidentRecord(
        "INC-1",
        1,
        WORKFLOW_ID,
        runId,
        "Checkout down",
        "",
        Severity.SEV2,
        "checkout",
        IncidentStatus.TRIGGERED,
        "declared",
        null,
        "carol",
        "carol",
        Map.of(),
        null,
        null,
        0,
        null,
        Instant.parse("2026-12-05T03:00:00Z"),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * A gateway to INC-7's postmortem workflow, which runs, but no worker polls its task queue (all
   * workers down), so nothing takes an Update (nor reads the input it was started with).
   */
  private FollowUpGateway gatewayToAPostmortemNoWorkerTakes() {
    WorkflowClient client = temporal.getWorkflowClient();
    client
        .newUntypedWorkflowStub(
            "PostmortemWorkflow",
            WorkflowOptions.newBuilder()
                .setWorkflowId(Postmortems.workflowId(7))
                .setTaskQueue("nobody-polls-this")
                .build())
        .start("never read");
    return new FollowUpGateway(
        client, Duration.ofSeconds(1), new BoundedChanges(Duration.ofSeconds(2)));
  }
}
