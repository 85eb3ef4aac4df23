package dev.incidentflow.api.bench;

import io.temporal.workflow.Workflow;

/** Counts signals until the expected number came. */
public class StormFloorWorkflowImpl implements StormFloorWorkflow {
  private int received;

  @Override
  public int run(int deliveries) {
    Workflow.await(() -> received >= deliveries);
    return received;
  }

  @Override
  public void alert(String body) {
    received++;
  }
}
