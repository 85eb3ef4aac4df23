package dev.incidentflow.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.incidentflow.worker.WorkerSettings;
import dev.incidentflow.workflows.incident.IncidentWorkflowSettings;
import jakarta.validation.constraints.Min;

/** Worker sizing; see {@link WorkerSettings} for what each number means. */
public class WorkerConfig {
  @Min(1)
  private int maxCachedWorkflows = 2_000;

  @Min(1)
  private int maxConcurrentActivities = 100;

  @Min(2)
  private int maxConcurrentWorkflowTasks = 16;

  @Min(100)
  private int continueAsNewAfterEvents = 10_000;

  @JsonProperty
  public void setMaxCachedWorkflows(int maxCachedWorkflows) {
    this.maxCachedWorkflows = maxCachedWorkflows;
  }

  @JsonProperty
  public void setMaxConcurrentActivities(int maxConcurrentActivities) {
    this.maxConcurrentActivities = maxConcurrentActivities;
  }

  @JsonProperty
  public void setMaxConcurrentWorkflowTasks(int maxConcurrentWorkflowTasks) {
    this.maxConcurrentWorkflowTasks = maxConcurrentWorkflowTasks;
  }

  @JsonProperty
  public void setContinueAsNewAfterEvents(int continueAsNewAfterEvents) {
    this.continueAsNewAfterEvents = continueAsNewAfterEvents;
  }

  public WorkerSettings settings() {
    return new WorkerSettings(
        maxCachedWorkflows,
        maxConcurrentActivities,
        maxConcurrentWorkflowTasks,
        new IncidentWorkflowSettings(continueAsNewAfterEvents));
  }
}
