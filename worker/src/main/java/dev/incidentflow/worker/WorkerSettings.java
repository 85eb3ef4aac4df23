package dev.incidentflow.worker;

import dev.incidentflow.workflows.incident.IncidentWorkflowSettings;

/**
 * How one worker process is sized.
 *
 * @param maxCachedWorkflows sticky cache size shared by the process: open incidents kept in memory
 *     between tasks (an evicted one is rebuilt by replaying its history)
 * @param maxConcurrentActivities activity slots; activities mostly wait on Slack, PagerDuty and
 *     PostgreSQL, so this is well above the core count
 * @param maxConcurrentWorkflowTasks workflow task slots; workflow tasks are CPU-bound and short
 */
public record WorkerSettings(
    int maxCachedWorkflows,
    int maxConcurrentActivities,
    int maxConcurrentWorkflowTasks,
    IncidentWorkflowSettings workflow) {

  public WorkerSettings {
    if (maxCachedWorkflows < 1 || maxConcurrentActivities < 1 || maxConcurrentWorkflowTasks < 2) {
      throw new IllegalArgumentException(
          "worker sizes must be positive (and at least 2 workflow task slots)");
    }
    workflow = workflow == null ? IncidentWorkflowSettings.defaults() : workflow;
  }

  /**
   * Workflow threads for the process. A cached workflow holds a thread while it waits on a timer;
   * with fewer threads than cache entries the cache is really the thread count (the bench showed
   * 600, the SDK's default, with a cache of 2,000).
   */
  public int workflowThreads() {
    return Math.max(600, maxCachedWorkflows);
  }

  public static WorkerSettings defaults() {
    return new WorkerSettings(2_000, 100, 16, IncidentWorkflowSettings.defaults());
  }
}
