package dev.incidentflow.api;

import dev.incidentflow.workflows.incident.IncidentInput;
import dev.incidentflow.workflows.incident.IncidentWorkflow;
import dev.incidentflow.workflows.model.Severity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Map;

/**
 * Incident workflows that run where no worker takes them: started on a task queue nobody polls, as
 * when every worker is down, so that a change sent to one is never made.
 */
public final class UnpolledIncidents {
  private UnpolledIncidents() {}

  /** Starts the SEV2 "Checkout down" declared by carol as {@code workflowId}; its run id. */
  public static String start(WorkflowClient client, String workflowId) {
    IncidentWorkflow workflow =
        client.newWorkflowStub(
            IncidentWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue("nobody-polls-this")
                .build());
    return WorkflowClient.start(workflow::run, declaration()).getRunId();
  }

  /** The SEV2 "Checkout down" on service checkout, declared by carol. */
  public static IncidentInput declaration() {
    return new IncidentInput(
        "declared",
        null,
        "Checkout down",
        "",
        Severity.SEV2,
        "checkout",
        "carol",
        null,
        Map.of(),
        List.of(),
        null);
  }
}
