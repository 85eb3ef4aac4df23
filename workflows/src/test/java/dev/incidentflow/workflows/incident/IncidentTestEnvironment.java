package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import dev.incidentflow.workflows.policy.TestPolicies;
import dev.incidentflow.workflows.postmortem.FakeTracker;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A time-skipping Temporal test server with the incident workflow on its task queue and fake Slack,
 * PagerDuty, Jira, catalog and store. Register with {@code @RegisterExtension}.
 */
final class IncidentTestEnvironment implements BeforeEachCallback, AfterEachCallback {
  final FakeStore store = new FakeStore();
  final FakeDirectory directory = new FakeDirectory(TestPolicies.defaults());
  final FakeSlack slack = new FakeSlack();
  final FakePaging paging = new FakePaging();
  final FakeIncidentContext context = new FakeIncidentContext();
  final FakeTracker tracker = new FakeTracker();
  private final IncidentWorkflowSettings settings;
  private TestWorkflowEnvironment env;
  private WorkerFactory restartedFactory;

  private final WorkerOptions workerOptions;
  private final Duration workflowTaskTimeout;

  IncidentTestEnvironment() {
    this(IncidentWorkflowSettings.defaults());
  }

  IncidentTestEnvironment(IncidentWorkflowSettings settings) {
    this(settings, WorkerOptions.getDefaultInstance(), null);
  }

  private IncidentTestEnvironment(
      IncidentWorkflowSettings settings,
      WorkerOptions workerOptions,
      Duration workflowTaskTimeout) {
    this.settings = settings;
    this.workerOptions = workerOptions;
    this.workflowTaskTimeout = workflowTaskTimeout;
  }

  /**
   * An environment whose worker can be stopped and replaced ({@link #stopWorker}, {@link
   * #killWorker}, {@link #startNewWorker}). Its workers do not use sticky task queues: the test
   * server, unlike a real one, never moves a workflow task off the sticky queue of a worker that
   * has gone away (a real server does after the sticky schedule-to-start timeout), so a replaced
   * sticky worker would strand its incidents. Workflow tasks time out after 2 seconds instead of
   * 10, so that one lost with a killed worker comes back soon; the clock does not skip while a task
   * is out.
   */
  static IncidentTestEnvironment restartable() {
    return new IncidentTestEnvironment(
        IncidentWorkflowSettings.defaults(),
        WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build(),
        Duration.ofSeconds(2));
  }

  /**
   * An environment whose workflow tasks time out after 2 seconds instead of 10. A task that waits
   * on a local activity the test holds failing (the database or the directory down) is kept alive
   * by the SDK every 80 % of that timeout, and the clock does not skip while it is out: with 10 s,
   * each such wait cost a test about 8 s of real time.
   */
  static IncidentTestEnvironment quickTasks() {
    return new IncidentTestEnvironment(
        IncidentWorkflowSettings.defaults(),
        WorkerOptions.getDefaultInstance(),
        Duration.ofSeconds(2));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // The postmortems a test's incidents start, not the ones of the tests before it.
    RecordingPostmortemWorkflow.STARTED.clear();
    env = TestWorkflowEnvironment.newInstance();
    env.registerSearchAttribute("IncidentNumber", IndexedValueType.INDEXED_VALUE_TYPE_INT);
    env.registerSearchAttribute("IncidentSeverity", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute("IncidentService", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute("IncidentStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    startWorker();
    env.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (restartedFactory != null) {
      restartedFactory.shutdownNow();
      restartedFactory.awaitTermination(10, TimeUnit.SECONDS);
    }
    env.close();
  }

  private void startWorker() {
    register(env.newWorker(IncidentWorkflow.TASK_QUEUE, workerOptions));
  }

  private void register(Worker worker) {
    worker.registerWorkflowImplementationFactory(
        IncidentWorkflow.class, () -> new IncidentWorkflowImpl(settings));
    worker.registerWorkflowImplementationTypes(RecordingPostmortemWorkflow.class);
    worker.registerActivitiesImplementations(
        store,
        directory,
        slack,
        paging,
        context,
        tracker,
        new OpeningActivitiesImpl(directory, store, paging));
  }

  /**
   * Stops the running worker gracefully, as a deploy does; nothing runs the incidents until {@link
   * #startNewWorker}.
   */
  void stopWorker() {
    WorkerFactory running = runningFactory();
    running.shutdown();
    running.awaitTermination(10, TimeUnit.SECONDS);
  }

  /**
   * Stops the running worker at once, as a crash does: a workflow task it had polled is lost and
   * comes back only when its task timeout (shortened in {@link #restartable}) expires.
   */
  void killWorker() {
    WorkerFactory running = runningFactory();
    running.shutdownNow();
    running.awaitTermination(10, TimeUnit.SECONDS);
  }

  private WorkerFactory runningFactory() {
    return restartedFactory == null ? env.getWorkerFactory() : restartedFactory;
  }

  /**
   * Starts a new worker process against the same server, after {@link #stopWorker} or {@link
   * #killWorker}: it has an empty workflow cache, so it rebuilds each incident by replaying its
   * history, and it shares the fakes, so every side effect of either worker is counted.
   */
  void startNewWorker() {
    restartedFactory = WorkerFactory.newInstance(client());
    register(restartedFactory.newWorker(IncidentWorkflow.TASK_QUEUE, workerOptions));
    restartedFactory.start();
  }

  TestWorkflowEnvironment env() {
    return env;
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** Starts an incident as an alert's first delivery would, and waits until it is recorded. */
  IncidentWorkflow startAlertIncident(String workflowId, Severity severity) {
    IncidentWorkflow incident = beginAlertIncident(workflowId, severity);
    incident.registered();
    return incident;
  }

  /** Starts an incident as an alert's first delivery would, without waiting for it to open. */
  IncidentWorkflow beginAlertIncident(String workflowId, Severity severity) {
    IncidentWorkflow incident = stub(workflowId);
    WorkflowClient.start(incident::run, TestIncidents.alert("group-" + workflowId, severity));
    incident.alert(firing(workflowId, severity));
    return incident;
  }

  AlertEvent firing(String workflowId) {
    return firing(workflowId, Severity.SEV1);
  }

  /** A delivery of the alert group, firing at {@code severity} under the shipped aliases. */
  AlertEvent firing(String workflowId, Severity severity) {
    return firing(workflowId, severity, List.of());
  }

  /** A delivery of the alert group whose alerts started at {@code starts}. */
  AlertEvent firing(String workflowId, Severity severity, List<Instant> starts) {
    return new AlertEvent(
        true,
        "alertmanager",
        "group-" + workflowId,
        "Checkout error budget burn",
        switch (severity) {
          case SEV1 -> "critical";
          case SEV2 -> "error";
          case SEV3 -> "warning";
          case SEV4 -> "info";
        },
        severity,
        now(),
        2,
        Map.of("service", "checkout"),
        List.of("http://prometheus.example.com/graph"),
        starts,
        List.of());
  }

  AlertEvent resolvedAlert(String workflowId) {
    return new AlertEvent(
        false,
        "alertmanager",
        "group-" + workflowId,
        "Checkout error budget burn",
        "critical",
        null,
        now(),
        2,
        Map.of("service", "checkout"),
        List.of(),
        List.of(),
        List.of());
  }

  IncidentWorkflow stub(String workflowId) {
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(IncidentWorkflow.TASK_QUEUE);
    if (workflowTaskTimeout != null) {
      options.setWorkflowTaskTimeout(workflowTaskTimeout);
    }
    return client().newWorkflowStub(IncidentWorkflow.class, options.build());
  }

  IncidentWorkflow existing(String workflowId) {
    return client().newWorkflowStub(IncidentWorkflow.class, workflowId);
  }

  /**
   * The incident's outcome, waited for with time skipping on: the clock jumps to the run's end, and
   * most callers rely on that to get past what the run still waits for (the monitoring window, a
   * retried call's backoff). Time skipping stays on until the result is back, so once the run has
   * ended the clock also jumps through every timer it left queued, as far as ten years ahead (a
   * closed run's timers do nothing). That is harmless while the caller asserts only what the ended
   * run recorded, as every caller does: with the test thread held 5, 20 or 300 ms after the result
   * came, the clock moved ten years past the close in 138 of 150, 182 of 185 and 181 of 185 runs,
   * and none failed. A test that reads the clock afterwards (now(), sleepUntil, the timers of a
   * next incident such as the one LateAlertTest opens) must not use this: sleep to the end first,
   * or read the result with the clock held, as FollowUpTestEnvironment#result does.
   */
  IncidentOutcome awaitOutcome(String workflowId) {
    return WorkflowStub.fromTyped(existing(workflowId)).getResult(IncidentOutcome.class);
  }

  /** Advances the test server's clock, firing every timer due on the way. */
  void sleep(Duration duration) {
    env.sleep(duration);
  }

  /** When incident {@code number} started, by the workflow's clock. */
  Instant startedAt(long number) {
    return store.incident(number).statusTimes().get(IncidentStatus.TRIGGERED);
  }

  /** Advances the clock to {@code sinceStart} after incident {@code number} started. */
  void sleepUntil(long number, Duration sinceStart) {
    Duration wait = Duration.between(now(), startedAt(number).plus(sinceStart));
    if (wait.isNegative()) {
      throw new IllegalStateException("already " + wait.negated() + " past " + sinceStart);
    }
    env.sleep(wait);
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  IncidentSnapshot incident(long number) {
    return store.incident(number);
  }

  List<TimelineEventType> timelineTypes(long number) {
    return store.types(number);
  }

  List<TimelineEvent> events(long number, TimelineEventType type) {
    return store.timeline(number).stream().filter(event -> event.type() == type).toList();
  }

  /** The histories of every run of {@code workflowId}, first run first. */
  List<WorkflowExecutionHistory> histories(String workflowId) {
    List<WorkflowExecutionHistory> runs = new ArrayList<>();
    WorkflowExecutionHistory run = client().fetchHistory(workflowId);
    while (true) {
      runs.add(run);
      HistoryEvent started = run.getEvents().get(0);
      String previous =
          started.getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
      if (previous.isEmpty()) {
        break;
      }
      run = client().fetchHistory(workflowId, previous);
    }
    Collections.reverse(runs);
    return runs;
  }

  /** Every value the runs of {@code workflowId} upserted for search attribute {@code name}. */
  List<String> upserted(String workflowId, String name) {
    return histories(workflowId).stream()
        .flatMap(run -> run.getEvents().stream())
        .filter(HistoryEvent::hasUpsertWorkflowSearchAttributesEventAttributes)
        .map(
            event ->
                event
                    .getUpsertWorkflowSearchAttributesEventAttributes()
                    .getSearchAttributes()
                    .getIndexedFieldsMap()
                    .get(name))
        .filter(Objects::nonNull)
        .map(
            payload ->
                DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                    payload, String.class, String.class))
        .toList();
  }

  /**
   * With {@code -Dincidentflow.recordHistories=true}, writes the history of every run of {@code
   * workflowId} to {@code src/test/resources/histories/<name>.json} (runs after the first as {@code
   * <name>-run<n>.json}) for {@link IncidentWorkflowReplayTest}. Otherwise does nothing, so the
   * checked-in histories change only when someone means to re-record them.
   */
  void recordHistory(String name, String workflowId) {
    if (!Boolean.getBoolean(HistoryFiles.RECORD_PROPERTY)) {
      return;
    }
    List<WorkflowExecutionHistory> runs = histories(workflowId);
    try {
      Files.createDirectories(HistoryFiles.SOURCE_DIRECTORY);
      for (int run = 2;
          Files.deleteIfExists(
              HistoryFiles.SOURCE_DIRECTORY.resolve(HistoryFiles.fileName(name, run)));
          run++) {
        // A run left from an earlier recording with more runs would be replayed as this one's.
      }
      for (int i = 0; i < runs.size(); i++) {
        Path file = HistoryFiles.SOURCE_DIRECTORY.resolve(HistoryFiles.fileName(name, i + 1));
        Files.writeString(file, runs.get(i).toJson(true) + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
