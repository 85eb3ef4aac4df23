package dev.incidentflow.api.bench;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The floor of the open incidents' timer lateness: a workflow with the same timers as a bench
 * incident and no work when they fire. Served on {@value FloorWorkflow#TASK_QUEUE} by the benchmark
 * only.
 */
@WorkflowInterface
public interface TimerFloorWorkflow {

  /**
   * Sets one timer per entry of {@code dueAfterMillis}, each due that long after {@code
   * startedAtMillis} (epoch milliseconds, taken by the caller just before starting it, as an
   * incident's timers count from when its alert came in), and completes when all have fired.
   *
   * @return per timer, the workflow's clock when it fired minus when it was due, in milliseconds
   */
  @WorkflowMethod
  long[] run(long startedAtMillis, long[] dueAfterMillis);
}
