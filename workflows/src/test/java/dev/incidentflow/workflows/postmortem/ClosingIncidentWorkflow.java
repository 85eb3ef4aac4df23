package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.model.Severity;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Stands in for the incident workflow's last steps: close, start the postmortem, complete. */
@WorkflowInterface
public interface ClosingIncidentWorkflow {

  @WorkflowMethod
  String close(Severity severity);
}
