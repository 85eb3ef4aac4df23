package dev.incidentflow.api.bench;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The floor of the alert-to-page figure: the least a workflow can do to reach the outside world,
 * one start and one no-op activity. Served on its own task queue by the benchmark only.
 */
@WorkflowInterface
public interface FloorWorkflow {

  String TASK_QUEUE = "bench-floor";

  /** Runs {@link FloorActivities#noOp} once with {@code probeId} and completes. */
  @WorkflowMethod
  void run(String probeId);
}
