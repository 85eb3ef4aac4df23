package dev.incidentflow.workflows.postmortem;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories against today's code: a change that would break running postmortems (a
 * new activity call, a reordered step) fails here instead of in production. Record them again with
 * {@code -Dincidentflow.recordHistories=true} only when old runs no longer matter, else guard the
 * change with {@code Workflow.getVersion}.
 */
class PostmortemWorkflowReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postmortem-published.json",
        "postmortem-overdue.json",
        "postmortem-done-in-jira.json",
        "postmortem-saved-while-jira-is-down.json",
        "postmortem-polls-refused.json",
        "postmortem-handed-over.json"
      })
  void recordedPostmortemReplaysWithoutNondeterminism(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/" + history, PostmortemWorkflowImpl.class);
  }
}
