package dev.incidentflow.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackOutboxTest {
  private static final String QUEUE = "slack-outbox-test";

  /** Stands in for a Slack call: {@code "fail"} fails for good. */
  @ActivityInterface
  public interface Calls {
    void call(String what);
  }

  public static class CallsImpl implements Calls {
    @Override
    public void call(String what) {
      if (what.equals("fail")) {
        throw ApplicationFailure.newNonRetryableFailure("channel_not_found", "SlackError");
      }
    }
  }

  /**
   * Queues {@code calls} in the outbox, each {@code lane:what} ({@code fence} queues a fence; a
   * lane of {@code bug} throws while starting), and returns what completed, in the order it did,
   * once the outbox is empty.
   */
  @WorkflowInterface
  public interface OutboxWorkflow {
    @WorkflowMethod
    List<String> run(boolean lanes, List<String> calls);
  }

  public static class OutboxWorkflowImpl implements OutboxWorkflow {
    private final Calls activities =
        Workflow.newActivityStub(
            Calls.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public List<String> run(boolean lanes, List<String> calls) {
      SlackOutbox outbox = new SlackOutbox(lanes);
      List<String> made = new ArrayList<>();
      for (String call : calls) {
        if (call.equals("fence")) {
          outbox.addFence("INC-1", call, () -> made.add(call));
          continue;
        }
        String lane = call.substring(0, call.indexOf(':'));
        String what = call.substring(call.indexOf(':') + 1);
        outbox.add(
            "INC-1",
            call,
            lane,
            () -> {
              if (lane.equals("bug")) {
                throw new IllegalStateException("a bug in the call");
              }
              Promise<Void> sent = Async.procedure(activities::call, what);
              return sent.thenApply(
                  done -> {
                    made.add(call);
                    return done;
                  });
            });
      }
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
    worker.registerActivitiesImplementations(new CallsImpl());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private record Run(List<String> made, Map<String, Long> scheduledBy) {}

  /** Runs the calls; {@code scheduledBy} is the workflow task that scheduled each activity. */
  private Run run(boolean lanes, List<String> calls) throws Exception {
    String id = "outbox-" + lanes + "-" + calls.hashCode();
    OutboxWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                OutboxWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build());
    List<String> made =
        WorkflowClient.execute(workflow::run, lanes, calls).get(30, TimeUnit.SECONDS);
    Map<String, Long> scheduledBy = new LinkedHashMap<>();
    for (HistoryEvent event : env.getWorkflowClient().fetchHistory(id).getEvents()) {
      if (event.hasActivityTaskScheduledEventAttributes()) {
        var scheduled = event.getActivityTaskScheduledEventAttributes();
        String what =
            DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                scheduled.getInput().getPayloads(0), String.class, String.class);
        scheduledBy.put(what, scheduled.getWorkflowTaskCompletedEventId());
      }
    }
    return new Run(made, scheduledBy);
  }

  @ParameterizedTest(name = "lanes: {0}")
  @ValueSource(booleans = {false, true})
  void aCallThatFailsForGoodOrUnexpectedlyIsSkippedAndTheCallsBehindItAreStillMade(boolean lanes)
      throws Exception {
    Run run = run(lanes, List.of("#c:briefing", "#c:fail", "bug:alice", "#c:topic"));

    assertThat(run.made()).containsExactly("#c:briefing", "#c:topic");
  }

  @Test
  void callsInDifferentLanesGoOutAtOnceAndEachLaneInOrder() throws Exception {
    Run run = run(true, List.of("#c:post-1", "@alice:dm-a", "@bob:dm-b", "#c:post-2"));

    Map<String, Long> by = run.scheduledBy();
    assertThat(by.get("dm-a")).isEqualTo(by.get("post-1"));
    assertThat(by.get("dm-b")).isEqualTo(by.get("post-1"));
    assertThat(by.get("post-2")).isGreaterThan(by.get("post-1"));
    assertThat(run.made()).containsSubsequence("#c:post-1", "#c:post-2").hasSize(4);
  }

  @Test
  void withoutLanesEveryCallWaitsForTheOneBeforeIt() throws Exception {
    Run run = run(false, List.of("#c:post-1", "@alice:dm-a", "@bob:dm-b", "#c:post-2"));

    assertThat(run.made()).containsExactly("#c:post-1", "@alice:dm-a", "@bob:dm-b", "#c:post-2");
    assertThat(List.copyOf(run.scheduledBy().values())).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void aFenceRunsOnceEveryCallBeforeItIsMadeAndHoldsBackTheCallsAfterIt() throws Exception {
    Run run = run(true, List.of("#c:post-1", "@alice:dm-1", "#c:post-2", "fence", "@bob:dm-2"));

    assertThat(run.made()).hasSize(5);
    assertThat(run.made().subList(3, 5)).containsExactly("fence", "@bob:dm-2");
    assertThat(run.scheduledBy().get("dm-2")).isGreaterThan(run.scheduledBy().get("post-2"));
  }
}
