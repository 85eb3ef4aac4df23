package dev.incidentflow.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackOutboxTest {
  private static final String QUEUE = "slack-outbox-test";

  /** Queues calls that succeed and fail, and returns the ones made, once the outbox is empty. */
  @WorkflowInterface
  public interface OutboxWorkflow {
    @WorkflowMethod
    List<String> run();
  }

  public static class OutboxWorkflowImpl implements OutboxWorkflow {
    @Override
    public List<String> run() {
      SlackOutbox outbox = new SlackOutbox();
      List<String> made = new ArrayList<>();
      outbox.add("INC-1", "post the briefing", () -> made.add("briefing"));
      outbox.add(
          "INC-1",
          "post in #gone",
          () -> {
            throw new ActivityFailure(
                "channel_not_found",
                5,
                6,
                "PostMessage",
                "7",
                RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
                "worker",
                ApplicationFailure.newNonRetryableFailure("channel_not_found", "SlackError"));
          });
      outbox.add(
          "INC-1",
          "message alice",
          () -> {
            throw new IllegalStateException("a bug in the call");
          });
      outbox.add("INC-1", "set the topic", () -> made.add("topic"));
      Workflow.await(outbox::isEmpty);
      return made;
    }
  }

  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(OutboxWorkflowImpl.class);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aCallThatFailsForGoodOrUnexpectedlyIsSkippedAndTheCallsBehindItAreStillMade()
      throws Exception {
    OutboxWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                OutboxWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());

    List<String> made = WorkflowClient.execute(workflow::run).get(30, TimeUnit.SECONDS);

    assertThat(made).containsExactly("briefing", "topic");
  }
}
