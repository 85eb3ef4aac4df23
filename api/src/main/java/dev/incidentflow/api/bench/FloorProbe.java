package dev.incidentflow.api.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.api.core.SignalWithStart;
import dev.incidentflow.worker.WorkerSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Measures floors on the server the application uses, with a worker of its own on {@value
 * FloorWorkflow#TASK_QUEUE}: what the same load costs workflows that do nothing but take it. The
 * alert-to-page floor is the time from the return of a {@link FloorWorkflow}'s start call to the
 * execution of its activity; the storm's is the same signal-with-start calls made straight to
 * {@link StormFloorWorkflow}s; the open incidents' is the lateness of the same timers in {@link
 * TimerFloorWorkflow}s.
 */
final class FloorProbe implements AutoCloseable {
  private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@link StormFloorWorkflow#alert}, sent as the webhook sends an incident's alert. */
  private static final SignalWithStart.Signal<Integer, String> STORM_ALERT =
      SignalWithStart.Signal.of(StormFloorWorkflow.class, "alert", int.class, String.class);

  private final WorkflowClient client;
  private final WorkerFactory factory;
  private final FloorActivitiesImpl activities = new FloorActivitiesImpl();

  /**
   * @param settings the application worker's settings, whose cache and workflow threads the floor's
   *     worker takes (the SDK's defaults, a cache of 600, would not hold 2,000 timer floor
   *     workflows)
   */
  FloorProbe(WorkflowClient client, WorkerSettings settings) {
    this.client = requireNonNull(client, "client is null");
    factory = WorkerFactory.newInstance(client, settings.factoryOptions());
    Worker worker = factory.newWorker(FloorWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        FloorWorkflowImpl.class, StormFloorWorkflowImpl.class, TimerFloorWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    factory.start();
  }

  /**
   * One floor sample: its workflow and nanoseconds from the start call's return to the activity.
   */
  record Sample(String workflowId, long nanos) {}

  Sample sample() throws InterruptedException, ExecutionException, TimeoutException {
    String probeId = "bench-floor-" + UUID.randomUUID();
    FloorWorkflow workflow =
        client.newWorkflowStub(
            FloorWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(probeId)
                .setTaskQueue(FloorWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(workflow::run, probeId);
    long started = System.nanoTime();
    long executed =
        activities.executionOf(probeId).get(SAMPLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    WorkflowStub.fromTyped(workflow)
        .getResult(SAMPLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, Void.class);
    activities.forget(probeId);
    return new Sample(probeId, executed - started);
  }

  /** The event history of floor workflow {@code workflowId}, as proto JSON. */
  JsonNode history(String workflowId) throws IOException {
    return JSON.readTree(client.fetchHistory(workflowId).toJson(false));
  }

  /** What the storm's floor measured. */
  record StormFloor(Burst.Result burst, int workflows, int completed) {}

  /**
   * The storm without the application: {@code deliveries} signal-with-start calls spread
   * round-robin over {@code groups} workflows from {@code senders} threads, each call timed from
   * send to return as the webhook is. Then waits up to {@code timeout} for every workflow to have
   * taken all its signals.
   */
  StormFloor storm(
      String run,
      int deliveries,
      int groups,
      int senders,
      IntFunction<String> bodies,
      Duration timeout)
      throws InterruptedException {
    Burst.Result burst =
        Burst.run(
            deliveries,
            senders,
            i -> {
              int group = i % groups;
              // Retried as the application's webhook retries (the test server's race, NOTES.md).
              SignalWithStart.send(
                  client,
                  STORM_ALERT,
                  options(stormWorkflowId(run, group)),
                  deliveriesTo(group, deliveries, groups),
                  bodies.apply(i));
              return null;
            });
    long deadline = System.nanoTime() + timeout.toNanos();
    int completed = 0;
    for (int group = 0; group < groups; group++) {
      Optional<Integer> took = result(stormWorkflowId(run, group), deadline, Integer.class);
      if (took.isPresent() && took.get() == deliveriesTo(group, deliveries, groups)) {
        completed++;
      }
    }
    return new StormFloor(burst, groups, completed);
  }

  /** How many of {@code deliveries} dealt round-robin over {@code groups} go to {@code group}. */
  static int deliveriesTo(int group, int deliveries, int groups) {
    return deliveries / groups + (group < deliveries % groups ? 1 : 0);
  }

  private static String stormWorkflowId(String run, int group) {
    return "bench-storm-floor-" + run + "-" + group;
  }

  /** What the timers' floor measured. */
  record TimerFloor(Burst.Result burst, List<Long> latenessNanos, int workflows, int completed) {}

  /**
   * Open incidents without the application: starts {@code count} timer workflows from {@code
   * senders} threads, each with the timers {@code policy} plans for an incident in its first {@code
   * window}, and collects their lateness, waiting up to {@code window} plus {@code timeout}.
   */
  TimerFloor timers(
      String run, int count, int senders, BenchPolicy policy, Duration window, Duration timeout)
      throws InterruptedException {
    Instant epoch = Instant.EPOCH;
    long[] dueAfter =
        policy.timersDue(epoch, epoch.plus(window)).stream()
            .mapToLong(timer -> timer.due().toEpochMilli())
            .toArray();
    Burst.Result burst =
        Burst.run(
            count,
            senders,
            i -> {
              TimerFloorWorkflow workflow = stub(TimerFloorWorkflow.class, timerWorkflowId(run, i));
              WorkflowClient.start(workflow::run, System.currentTimeMillis(), dueAfter);
              return null;
            });
    long deadline = System.nanoTime() + window.plus(timeout).toNanos();
    List<Long> lateness = new ArrayList<>();
    int completed = 0;
    for (int i = 0; i < count; i++) {
      Optional<long[]> late = result(timerWorkflowId(run, i), deadline, long[].class);
      if (late.isPresent()) {
        for (long millis : late.get()) {
          lateness.add(TimeUnit.MILLISECONDS.toNanos(millis));
        }
        completed++;
      }
    }
    return new TimerFloor(burst, lateness, count, completed);
  }

  private static String timerWorkflowId(String run, int i) {
    return "bench-timer-floor-" + run + "-" + i;
  }

  private <T> T stub(Class<T> workflowInterface, String workflowId) {
    return client.newWorkflowStub(workflowInterface, options(workflowId));
  }

  private static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(FloorWorkflow.TASK_QUEUE)
        .build();
  }

  /**
   * A floor workflow's result, waiting until {@code deadlineNanos} at most; empty when it had not
   * completed by then.
   */
  private <R> Optional<R> result(String workflowId, long deadlineNanos, Class<R> type) {
    // Past the deadline, still read a result that is there: one late workflow must not make every
    // later one count as unfinished.
    long left = Math.max(200, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    try {
      return Optional.ofNullable(
          client.newUntypedWorkflowStub(workflowId).getResult(left, TimeUnit.MILLISECONDS, type));
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }
}
