package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.incident.IncidentWorkflow;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.ActionItemPolicy;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A time-skipping Temporal test server with the postmortem and action item workflows on the
 * incidents task queue, fake Jira, store, catalog and Slack. Register with
 * {@code @RegisterExtension}.
 */
final class FollowUpTestEnvironment implements BeforeEachCallback, AfterEachCallback {
  /**
   * Set to {@code true} to write the histories the replay tests read ({@code
   * -Dincidentflow.recordHistories=true}).
   */
  static final String RECORD_PROPERTY = "incidentflow.recordHistories";

  static final long INCIDENT = 7;

  final FakeTracker tracker = new FakeTracker();
  final FakeFollowUpStore store = new FakeFollowUpStore();
  final FakePeople people = new FakePeople();
  private TestWorkflowEnvironment env;

  /** A client of the same test server that, unlike the environment's, never unlocks its clock. */
  private WorkflowClient clockHoldingClient;

  @Override
  public void beforeEach(ExtensionContext context) {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(IncidentWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        PostmortemWorkflowImpl.class,
        ActionItemWorkflowImpl.class,
        ClosingIncidentWorkflowImpl.class);
    worker.registerActivitiesImplementations(tracker, store, people);
    env.start();
    clockHoldingClient =
        WorkflowClient.newInstance(
            env.getWorkflowServiceStubs(),
            WorkflowClientOptions.newBuilder().setNamespace(env.getNamespace()).build());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    env.close();
  }

  TestWorkflowEnvironment env() {
    return env;
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  /** Advances the test server's clock, firing every timer due on the way. */
  void sleep(Duration duration) {
    env.sleep(duration);
  }

  /**
   * Retries {@code assertion} for up to ten seconds of real time. {@link #sleep} returns when the
   * test server's clock has passed a timer, not when the activities the timer started are done, so
   * what those activities do can land a moment later on a busy machine.
   */
  static void eventually(Runnable assertion) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting", e);
      }
    }
  }

  void sleepUntil(Instant at) {
    Duration wait = Duration.between(now(), at);
    if (!wait.isNegative() && !wait.isZero()) {
      env.sleep(wait);
    }
  }

  /**
   * A SEV1 that triggered two hours ago, went through every phase and was resolved 30 minutes ago.
   */
  PostmortemInput closedSev1() {
    return closedSev1At(now());
  }

  /** As {@link #closedSev1()}, closed at {@code closed}: for tests that run no workflow. */
  static PostmortemInput closedSev1At(Instant closed) {
    IncidentTimes times =
        new IncidentTimes(
            closed.minus(Duration.ofMinutes(120)),
            closed.minus(Duration.ofMinutes(115)),
            closed.minus(Duration.ofMinutes(95)),
            closed.minus(Duration.ofMinutes(60)),
            closed.minus(Duration.ofMinutes(30)),
            closed);
    return new PostmortemInput(
        INCIDENT,
        "3f1c9a52-run",
        "Checkout error budget burn",
        Severity.SEV1,
        "checkout",
        "alice",
        "incidents",
        "inc-7-sev1-checkout",
        times,
        Duration.ofHours(24),
        Duration.ofHours(4),
        Duration.ofHours(6),
        null,
        null);
  }

  /**
   * {@link #closedSev1()} of a service without an on-call rotation: nobody was commander, and the
   * postmortem is owned by {@code owner}, or by nobody when it is null.
   */
  PostmortemInput closedSev1WithoutCommander(String owner) {
    PostmortemInput sev1 = closedSev1();
    return new PostmortemInput(
        sev1.incidentNumber(),
        sev1.incidentKey(),
        sev1.title(),
        sev1.severity(),
        sev1.service(),
        null,
        sev1.stakeholderChannel(),
        sev1.channelName(),
        sev1.times(),
        sev1.due(),
        sev1.remindBefore(),
        sev1.pollEvery(),
        null,
        owner);
  }

  PostmortemWorkflow startPostmortem(PostmortemInput input) {
    PostmortemWorkflow postmortem =
        client()
            .newWorkflowStub(
                PostmortemWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(Postmortems.workflowId(input.incidentNumber()))
                    .setTaskQueue(IncidentWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(postmortem::run, input);
    return postmortem;
  }

  /** An action item for bob due three days from today (UTC), under the shipped policy. */
  ActionItemInput dueInThreeDays() {
    return dueInDays(3);
  }

  /** An action item due {@code days} from today, or overdue for a negative number. */
  ActionItemInput dueInDays(int days) {
    return new ActionItemInput(
        INCIDENT,
        "checkout",
        "Add a burn-rate alert for the checkout canary",
        "bob",
        LocalDate.ofInstant(now(), ZoneOffset.UTC).plusDays(days),
        ActionItemKind.IMPROVEMENT,
        "alice",
        ActionItemPolicy.defaults(),
        0,
        null);
  }

  ActionItemWorkflow startActionItem(String workflowId, ActionItemInput input) {
    ActionItemWorkflow item =
        client()
            .newWorkflowStub(
                ActionItemWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(IncidentWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(item::run, input);
    return item;
  }

  /**
   * The result of a run that ends without waiting for a timer (a done webhook, a publication), read
   * with the test server's clock held: it moves only as real time does, as it does whenever the
   * test is not in {@link #sleep}. The environment's own client unlocks the clock while it waits
   * for a result, and once the run has ended nothing holds the clock until that client locks it
   * again: it jumps through the timers the ended run left queued (an await's timeout, its
   * activities' timeouts, the farthest ten years ahead) for as long as the test thread takes to get
   * there. That was 5 to 10 s on an idle machine; with the thread held there for 5 ms, a third of
   * the reopened items started next read overdue, and all of them for 20 ms. A run that needs a
   * timer to end fails here after 30 s: {@link #sleep} to its end first.
   */
  <T> T result(String workflowId, Class<T> type) {
    try {
      return clockHoldingClient
          .newUntypedWorkflowStub(workflowId)
          .getResult(30, TimeUnit.SECONDS, type);
    } catch (TimeoutException e) {
      throw new AssertionError(
          workflowId + " did not end within 30 s with the clock held; sleep() to its end first", e);
    }
  }

  boolean isCompleted(String workflowId) {
    return client().fetchHistory(workflowId).getLastEvent().getEventType()
        == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED;
  }

  /** Writes the workflow's history for the replay tests when {@value #RECORD_PROPERTY} is set. */
  void recordHistory(String workflowId, String resource) {
    recordHistory(workflowId, null, resource);
  }

  /** Writes one run's history (the latest when {@code runId} is null). */
  void recordHistory(String workflowId, String runId, String resource) {
    if (!Boolean.getBoolean(RECORD_PROPERTY)) {
      return;
    }
    try {
      Path file = Path.of("src", "test", "resources", "histories", resource);
      Files.createDirectories(file.getParent());
      Files.writeString(file, client().fetchHistory(workflowId, runId).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
