package dev.incidentflow.workflows.postmortem;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories against today's code; see {@link PostmortemWorkflowReplayTest} for
 * when to record them again.
 */
class ActionItemWorkflowReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "action-item-escalated-then-done.json",
        "action-item-done-by-polling.json",
        "action-item-reopened-while-finishing.json",
        "action-item-polls-refused.json",
        "action-item-done-while-polled.json",
        "action-item-reopening-on-timeline.json",
        "action-item-marked-done.json"
      })
  void recordedActionItemReplaysWithoutNondeterminism(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/" + history, ActionItemWorkflowImpl.class);
  }
}
