package dev.incidentflow.activities.slack;

import dev.incidentflow.workflows.activities.ChannelMessage;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A test workflow that posts one message through the real activity with a retry policy. Public
 * because Temporal refuses non-public workflow interfaces.
 */
@WorkflowInterface
public interface SlackMessageWorkflow {

  @WorkflowMethod
  void post(ChannelMessage message);
}
