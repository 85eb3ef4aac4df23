package dev.incidentflow.worker;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.incident.IncidentWorkflow;
import dev.incidentflow.workflows.incident.IncidentWorkflowImpl;
import dev.incidentflow.workflows.postmortem.ActionItemWorkflowImpl;
import dev.incidentflow.workflows.postmortem.PostmortemWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;

/**
 * Serves the incident, postmortem and action item workflows and their activities on the {@code
 * incidents} task queue.
 */
public final class IncidentWorker {
  private static final long DEADLOCK_DETECTION_MILLIS = 5_000;
  private final WorkerFactory factory;

  public IncidentWorker(
      WorkflowClient client, WorkerSettings settings, IncidentActivities activities) {
    requireNonNull(client, "client is null");
    requireNonNull(settings, "settings is null");
    requireNonNull(activities, "activities is null");
    factory = WorkerFactory.newInstance(client, settings.factoryOptions());
    Worker worker =
        factory.newWorker(
            IncidentWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(settings.maxConcurrentActivities())
                .setMaxConcurrentWorkflowTaskExecutionSize(settings.maxConcurrentWorkflowTasks())
                // The SDK's 1 s default fails a workflow task that a starved CPU (class loading on
                // the
                // first task, a busy host) keeps from yielding, and the retry waits out the task
                // timeout.
                .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION_MILLIS)
                .build());
    worker.registerWorkflowImplementationFactory(
        IncidentWorkflow.class, () -> new IncidentWorkflowImpl(settings.workflow()));
    worker.registerWorkflowImplementationTypes(
        PostmortemWorkflowImpl.class, ActionItemWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities.all());
  }

  public void start() {
    factory.start();
  }

  /** Stops polling and waits up to ten seconds for running tasks. */
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }
}
