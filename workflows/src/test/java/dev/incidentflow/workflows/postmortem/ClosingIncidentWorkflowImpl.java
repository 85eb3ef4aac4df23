package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.incident.IncidentState;
import dev.incidentflow.workflows.model.Severity;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/** The lines IncidentWorkflowImpl adds at close, run on an incident closed just now. */
public class ClosingIncidentWorkflowImpl implements ClosingIncidentWorkflow {

  @Override
  public String close(Severity severity) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    IncidentState state = ClosedIncidents.closed(severity, now.minus(Duration.ofMinutes(90)));
    Postmortems.startFor(state);
    return state.incidentId();
  }
}
