package dev.incidentflow.api.bench;

import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** All timers set at once; each notes its lateness when it fires. */
public class TimerFloorWorkflowImpl implements TimerFloorWorkflow {

  @Override
  public long[] run(long startedAtMillis, long[] dueAfterMillis) {
    long[] lateness = new long[dueAfterMillis.length];
    List<Promise<Void>> timers = new ArrayList<>();
    for (int t = 0; t < dueAfterMillis.length; t++) {
      int timer = t;
      long due = startedAtMillis + dueAfterMillis[t];
      long wait = due - Workflow.currentTimeMillis();
      // A timer already due when the workflow first runs fires at once, late by that much.
      Promise<Void> fired =
          wait > 0 ? Workflow.newTimer(Duration.ofMillis(wait)) : Workflow.newPromise(null);
      timers.add(
          fired.thenApply(
              ignored -> {
                lateness[timer] = Workflow.currentTimeMillis() - due;
                return null;
              }));
    }
    Promise.allOf(timers).get();
    return lateness;
  }
}
