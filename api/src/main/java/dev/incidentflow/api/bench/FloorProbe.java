package dev.incidentflow.api.bench;

import static java.util.Objects.requireNonNull;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Measures the floor on the server the application uses: a worker of its own serves {@link
 * FloorWorkflow} on {@value FloorWorkflow#TASK_QUEUE}, and each sample is the time from the return
 * of the start call to the execution of the workflow's activity.
 */
final class FloorProbe implements AutoCloseable {
  private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(30);

  private final WorkflowClient client;
  private final WorkerFactory factory;
  private final FloorActivitiesImpl activities = new FloorActivitiesImpl();

  FloorProbe(WorkflowClient client) {
    this.client = requireNonNull(client, "client is null");
    factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(FloorWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(FloorWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    factory.start();
  }

  /** One run of the floor workflow: nanoseconds from the start call's return to the activity. */
  long sampleNanos() throws InterruptedException, ExecutionException, TimeoutException {
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
    return executed - started;
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }
}
