package dev.incidentflow.api.bench;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Start, one activity, complete. */
public class FloorWorkflowImpl implements FloorWorkflow {
  private final FloorActivities activities =
      Workflow.newActivityStub(
          FloorActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

  @Override
  public void run(String probeId) {
    activities.noOp(probeId);
  }
}
