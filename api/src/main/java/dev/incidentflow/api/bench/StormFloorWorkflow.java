package dev.incidentflow.api.bench;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The floor of the storm's webhook latency: a workflow that takes every alert delivery as a signal
 * through signal-with-start, as the incident workflow does, and does nothing with it. Served on
 * {@value FloorWorkflow#TASK_QUEUE} by the benchmark only.
 */
@WorkflowInterface
public interface StormFloorWorkflow {

  /**
   * Waits for {@code deliveries} signals, then completes.
   *
   * @return the signals it took
   */
  @WorkflowMethod
  int run(int deliveries);

  /** One delivery, carrying the webhook's body so the signal is the size of a real one. */
  @SignalMethod
  void alert(String body);
}
