package dev.incidentflow.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.SlackChatActivities;
import dev.incidentflow.workflows.activities.SlackMessage;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
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
      SlackOutbox outbox = new SlackOutbox(ActivityStubs.of(SlackChatActivities.class), true);
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

  /**
   * Queues seven posts with a call of its own after the first two; one post goes to a channel Slack
   * cannot find. Returns the posts whose sending was confirmed, and the call.
   */
  public static class TogetherWorkflowImpl implements OutboxWorkflow {
    @Override
    public List<String> run() {
      SlackOutbox outbox = new SlackOutbox(ActivityStubs.of(SlackChatActivities.class), true);
      List<String> made = new ArrayList<>();
      for (String text : List.of("one", "two", "own", "three", "gone", "four", "five", "six")) {
        if (text.equals("own")) {
          outbox.add("INC-1", "a call of its own", () -> made.add(text));
        } else {
          String channel = text.equals("gone") ? GONE : "C1";
          outbox.add(
              "INC-1",
              "post " + text,
              new SlackMessage.Post(new ChannelMessage(channel, text)),
              () -> made.add(text),
              () -> made.add("refused " + text));
        }
      }
      Workflow.await(outbox::isEmpty);
      return made;
    }
  }

  private static final String GONE = "C-GONE";

  private final FakeSlack slack = new FakeSlack();
  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(OutboxWorkflowImpl.class);
    Worker together = env.newWorker(QUEUE + "-together");
    together.registerWorkflowImplementationTypes(TogetherWorkflowImpl.class);
    together.registerActivitiesImplementations(slack);
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

  @Test
  void waitingMessagesGoOutTogetherInOrderAndARetryResumesAfterTheLastOneMade() throws Exception {
    slack.goneChannel = GONE;
    slack.failOnce = "five";
    OutboxWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                OutboxWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE + "-together").build());

    List<String> made = WorkflowClient.execute(workflow::run).get(30, TimeUnit.SECONDS);

    // Refused for good, "gone" is skipped and its caller told; the rest are made once each, in
    // order, although the activity that made "three" and "four" failed on "five" and was retried.
    assertThat(made)
        .containsExactly("one", "two", "own", "three", "refused gone", "four", "five", "six");
    assertThat(slack.textsIn("C1")).containsExactly("one", "two", "three", "four", "five", "six");
    // All were queued before the outbox began: the call of its own goes apart from the messages
    // before and after it, and four messages at most go in one activity (a retry is no new one).
    List<String> activities =
        env
            .getWorkflowClient()
            .fetchHistory(WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId())
            .getEvents()
            .stream()
            .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
            .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
            .toList();
    assertThat(activities).containsExactly("SendInOrder", "SendInOrder", "PostMessage");
  }
}
