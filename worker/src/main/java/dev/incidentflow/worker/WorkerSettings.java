package dev.incidentflow.worker;

import dev.incidentflow.workflows.incident.IncidentWorkflowSettings;
import io.temporal.worker.WorkerFactoryOptions;

/**
 * How one worker process is sized.
 *
 * @param maxCachedWorkflows sticky cache size shared by the process: open incidents kept in memory
 *     between tasks (an evicted one is rebuilt by replaying its history). The SDK's cache (Guava's,
 *     concurrency level 128) is split into parts that each evict their least recently used entry
 *     once they hold their share, so it evicts before it is full: keep it about twice the open
 *     workflows (docs/benchmarks.md, twenty-seventh session)
 * @param maxConcurrentActivities activity slots; activities mostly wait on Slack, PagerDuty and
 *     PostgreSQL, so this is well above the core count
 * @param maxConcurrentWorkflowTasks workflow task slots; workflow tasks are CPU-bound and short
 * @param virtualWorkflowThreads workflow code runs on virtual threads (Java 21 or newer), which
 *     have no cap: the SDK ignores {@link #workflowThreads()}. The SDK runs each coroutine of a
 *     workflow on a thread of its own and hands control between them and the task's thread at every
 *     step; between platform threads each hand-over is an operating system wake-up, which {@code
 *     bench} found to be half of the kernel's third of the CPU at 2,000 open incidents
 *     (docs/benchmarks.md, twenty-fifth session). Between virtual threads it stays in the JVM.
 */
public record WorkerSettings(
    int maxCachedWorkflows,
    int maxConcurrentActivities,
    int maxConcurrentWorkflowTasks,
    boolean virtualWorkflowThreads,
    IncidentWorkflowSettings workflow) {

  public WorkerSettings {
    if (maxCachedWorkflows < 1 || maxConcurrentActivities < 1 || maxConcurrentWorkflowTasks < 2) {
      throw new IllegalArgumentException(
          "worker sizes must be positive (and at least 2 workflow task slots)");
    }
    workflow = workflow == null ? IncidentWorkflowSettings.defaults() : workflow;
  }

  /**
   * Workflow threads an open workflow may use on average, {@value}. A cached incident holds its
   * main thread while it waits, and while it sends, a coroutine each for its Slack outbox, its
   * pager outbox and its background save. When every thread is taken the SDK evicts a cached
   * workflow to free one, and the evicted incident replays its whole history at its next task. With
   * one thread per open incident, {@code bench}'s 2,050 open incidents hit the cap, 2,000, and
   * their timers were late by 9.5 to 19.5 s at the median; with three (the JVM peaked at 3,200
   * threads in all), 0.6 to 3.8 s (docs/benchmarks.md, twenty-third session). The pool starts
   * threads only as they are needed.
   */
  static final int THREADS_PER_OPEN_WORKFLOW = 3;

  /**
   * Platform workflow threads for the process: {@link #THREADS_PER_OPEN_WORKFLOW} for each open
   * workflow the cache is sized for, half its size (not used with {@link #virtualWorkflowThreads}).
   */
  public int workflowThreads() {
    return Math.max(600, THREADS_PER_OPEN_WORKFLOW * (maxCachedWorkflows / 2));
  }

  /** The worker factory's options these settings make: its cache and workflow threads. */
  public WorkerFactoryOptions factoryOptions() {
    return WorkerFactoryOptions.newBuilder()
        .setWorkflowCacheSize(maxCachedWorkflows)
        .setMaxWorkflowThreadCount(workflowThreads())
        .setUsingVirtualWorkflowThreads(virtualWorkflowThreads)
        .build();
  }

  /** How workflow code is threaded, as the start log and {@code bench} say it. */
  public String workflowThreadsDescription() {
    return virtualWorkflowThreads ? "virtual" : "platform, at most " + workflowThreads();
  }
}
