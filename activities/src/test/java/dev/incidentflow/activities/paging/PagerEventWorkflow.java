package dev.incidentflow.activities.paging;

import dev.incidentflow.workflows.activities.PagerEvent;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A test workflow that sends one PagerDuty event through the real activity with a retry policy.
 * Public because Temporal refuses non-public workflow interfaces.
 */
@WorkflowInterface
public interface PagerEventWorkflow {

  @WorkflowMethod
  void send(PagerEvent event);
}
